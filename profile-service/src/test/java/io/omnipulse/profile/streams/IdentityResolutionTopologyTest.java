package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.events.Topics;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.ProfileLimits;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every identity rule through the whole topology, loop topic included. */
class IdentityResolutionTopologyTest {

    private static final String ANN = id("email:ann@example.com");
    private static final String VISITOR = id("visitor:v-9");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ContactEvent> events;
    private TestOutputTopic<String, CustomersMerged> merges;
    private TestOutputTopic<String, IdentityConflict> audit;
    private TestOutputTopic<String, ContactEvent> resolved;

    private void start(ProfileLimits limits, IdentityRules rules) {
        driver = TopologyTestSupport.driver(
                new ProfileTopology(limits, rules, ProfileTopology.DEFAULT_LOOP_TOPIC, registry).buildTopology());
        events = TopologyTestSupport.contactEvents(driver);
        merges = TopologyTestSupport.merges(driver);
        audit = TopologyTestSupport.audit(driver);
        resolved = TopologyTestSupport.output(driver, Topics.RESOLVED_EVENTS);
    }

    private void start() {
        start(ProfileLimits.DEFAULTS, IdentityRules.DEFAULTS);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private static String id(String typed) {
        return CustomerKeys.customerIdOf(typed);
    }

    private static CustomerIds ids(String crm, String email, String phone, String handle, String visitor) {
        return new CustomerIds(crm, email, phone, handle, visitor);
    }

    private void send(String eventId, Channel channel, int minute, CustomerIds who) {
        ContactEvent event = interaction(eventId, channel, at(minute), who);
        events.pipeInput(CustomerKeys.customerId(who), event);
    }

    private String customerOf(String typed) {
        return TopologyTestSupport.customerOf(driver, typed);
    }

    private CustomerRecord record(String customerId) {
        return TopologyTestSupport.record(driver, customerId);
    }

    @Test
    void linksAreTransitiveAndTheOlderCustomerSurvivesTheMerge() {
        start();
        send("e1", Channel.EMAIL, 0, ids(null, "ann@example.com", null, null, null));
        send("h1", Channel.CHAT, 5, ids(null, null, null, null, "v-9"));
        send("h2", Channel.CHAT, 6, ids(null, null, "+44 20 7946 0958", null, "v-9"));
        send("c1", Channel.CALL, 10, ids(null, "Ann@Example.com", "020 7946 0958", null, null));

        assertThat(customerOf("email:ann@example.com")).isEqualTo(ANN);
        assertThat(customerOf("visitor:v-9")).isEqualTo(ANN);
        assertThat(customerOf("phone:+442079460958")).isEqualTo(ANN);
        CustomerProfile ann = TopologyTestSupport.profile(driver, ANN);
        assertThat(ann.channels()).containsOnlyKeys("email", "chat", "call");
        assertThat(ann.interactionCount()).isEqualTo(4);
        assertThat(TopologyTestSupport.liveProfiles(driver)).containsOnlyKeys(ANN);

        List<KeyValue<String, CustomersMerged>> published = merges.readKeyValuesToList();
        assertThat(published).hasSize(1);
        CustomersMerged merge = published.get(0).value;
        assertThat(published.get(0).key).isEqualTo(VISITOR);
        assertThat(merge.survivorId()).isEqualTo(ANN);
        assertThat(merge.mergedId()).isEqualTo(VISITOR);
        assertThat(merge.linkingEventId()).isEqualTo("c1");
        assertThat(merge.linkingIdentifiers()).containsExactly("email:ann@example.com", "phone:+442079460958");
        assertThat(merge.occurredAt()).isEqualTo(at(10));
        assertThat(record(VISITOR).mergedInto()).isEqualTo(ANN);
        assertThat(record(ANN).merges()).extracting(CustomersMerged::mergedId).containsExactly(VISITOR);
        assertThat(registry.counter("omnipulse.profile.customers.merged").count()).isEqualTo(1.0);
    }

    @Test
    void olderCustomerSurvivesEvenWhenItsEventsArriveLast() {
        start();
        send("h1", Channel.CHAT, 30, ids(null, null, null, null, "v-9"));
        send("e1", Channel.EMAIL, 0, ids(null, "ann@example.com", null, null, null));
        send("h2", Channel.CHAT, 40, ids(null, "ann@example.com", null, null, "v-9"));

        assertThat(customerOf("visitor:v-9")).isEqualTo(ANN);
        assertThat(record(VISITOR).mergedInto()).isEqualTo(ANN);
        assertThat(TopologyTestSupport.profile(driver, ANN).interactionCount()).isEqualTo(3);
    }

    @Test
    void aNewIdentifierSeenWithAKnownOneJoinsItsCustomerWithoutAMerge() {
        start();
        send("e1", Channel.EMAIL, 0, ids(null, "ann@example.com", null, null, null));
        send("h1", Channel.CHAT, 5, ids(null, "ann@example.com", null, null, "v-9"));
        send("h2", Channel.CHAT, 6, ids(null, null, null, null, "v-9"));

        assertThat(TopologyTestSupport.liveProfiles(driver)).containsOnlyKeys(ANN);
        assertThat(merges.isEmpty()).isTrue();
        assertThat(resolved.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(ANN, ANN, ANN);
    }

    @Test
    void everyEventIsPublishedAgainKeyedByItsResolvedCustomer() {
        start();
        send("e1", Channel.EMAIL, 0, ids(null, "ann@example.com", null, null, null));
        send("h1", Channel.CHAT, 5, ids(null, null, null, null, "v-9"));

        List<KeyValue<String, ContactEvent>> out = resolved.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly(ANN, VISITOR);
        assertThat(out).extracting(kv -> kv.value.eventId()).containsExactly("e1", "h1");
    }

    @Test
    void mergesChainSoThatEveryMergedIdPointsAtTheFinalSurvivor() {
        start();
        send("a", Channel.EMAIL, 0, ids(null, "a@example.com", null, null, null));
        send("b", Channel.EMAIL, 10, ids(null, "b@example.com", null, null, null));
        send("c", Channel.EMAIL, 20, ids(null, "c@example.com", null, null, null));
        send("bc", Channel.EMAIL, 30, ids(null, "b@example.com", "+44 20 7946 0001", null, null));
        send("cb", Channel.CALL, 31, ids(null, "c@example.com", "+44 20 7946 0001", null, null));
        send("ab", Channel.EMAIL, 40, ids(null, "a@example.com", null, null, "v-1"));
        send("ba", Channel.CHAT, 41, ids(null, "b@example.com", null, null, "v-1"));

        String a = id("email:a@example.com");
        assertThat(TopologyTestSupport.liveProfiles(driver)).containsOnlyKeys(a);
        assertThat(TopologyTestSupport.profile(driver, a).interactionCount()).isEqualTo(7);
        assertThat(record(id("email:b@example.com")).mergedInto()).isEqualTo(a);
        assertThat(record(id("email:c@example.com")).mergedInto()).isEqualTo(a);
    }

    @Test
    void aLateEarlierEventMakesTheOtherCustomerTheOlderOne() {
        start();
        send("x", Channel.EMAIL, 10, ids(null, "x@example.com", null, null, null));
        send("y", Channel.EMAIL, 20, ids(null, "y@example.com", null, null, null));
        send("xy", Channel.CHAT, 30, ids(null, "x@example.com", null, null, "v-2"));
        send("yx", Channel.CHAT, 31, ids(null, "y@example.com", null, null, "v-2"));
        assertThat(customerOf("email:y@example.com")).isEqualTo(id("email:x@example.com"));

        send("y0", Channel.EMAIL, 0, ids(null, "y@example.com", null, null, null));

        String y = id("email:y@example.com");
        assertThat(customerOf("email:x@example.com")).isEqualTo(y);
        assertThat(TopologyTestSupport.liveProfiles(driver)).containsOnlyKeys(y);
        assertThat(TopologyTestSupport.profile(driver, y).interactionCount()).isEqualTo(5);
        assertThat(record(id("email:x@example.com")).mergedInto()).isEqualTo(y);
    }

    @Test
    void junkIdentifiersMergeNobodyAndAreAudited() {
        start();
        send("n1", Channel.EMAIL, 0, ids(null, "noreply@shop.example", null, null, "v-1"));
        send("n2", Channel.EMAIL, 1, ids(null, "NoReply@shop.example", null, null, "v-2"));
        send("n3", Channel.CALL, 2, ids(null, null, "000 000 0000", null, "v-3"));
        send("n4", Channel.CALL, 3, ids(null, null, "0000000000", "unknown", "v-4"));

        assertThat(TopologyTestSupport.liveProfiles(driver)).hasSize(4);
        assertThat(customerOf("email:noreply@shop.example")).isNull();
        List<IdentityConflict> audited = audit.readValuesToList();
        assertThat(audited).extracting(IdentityConflict::kind).containsOnly("junk-identifier").hasSize(4);
        assertThat(audited.get(3).identifiers()).containsExactly("phone:0000000000", "handle:unknown");
        assertThat(audited.get(0).attributedTo()).isEqualTo(id("visitor:v-1"));
    }

    @Test
    void eventWithOnlyJunkIdentifiersIsCountedNotFolded() {
        start();
        send("n1", Channel.EMAIL, 0, ids(null, "anonymous", null, null, "null"));

        assertThat(TopologyTestSupport.liveProfiles(driver)).isEmpty();
        assertThat(registry.counter("omnipulse.profile.events.ignored", "reason", "junk-only").count()).isEqualTo(1.0);
    }

    @Test
    void identifierSeenOnTooManyCustomersStopsLinkingAndIsAudited() {
        start(ProfileLimits.DEFAULTS, IdentityRules.DEFAULTS.withMaxCustomersPerIdentifier(2));
        String office = "+44 20 7000 0001";
        send("a", Channel.CALL, 0, ids(null, "a@example.com", office, null, null));
        send("b", Channel.CALL, 1, ids(null, "b@example.com", office, null, null));
        send("c", Channel.CALL, 2, ids(null, "c@example.com", office, null, null));
        send("d", Channel.CALL, 3, ids(null, "d@example.com", office, null, null));

        assertThat(customerOf("email:c@example.com")).isEqualTo(id("email:c@example.com"));
        assertThat(customerOf("email:d@example.com")).isEqualTo(id("email:d@example.com"));
        assertThat(TopologyTestSupport.profile(driver, id("email:c@example.com")).interactionCount()).isEqualTo(1);
        // The link it made before it was known to be shared is undone as well: b is on its own again.
        assertThat(customerOf("email:b@example.com")).isEqualTo(id("email:b@example.com"));
        List<IdentityConflict> audited = audit.readValuesToList();
        assertThat(audited).extracting(IdentityConflict::kind).containsExactly("shared-identifier", "customers-split");
        assertThat(audited.get(0).identifiers()).containsExactly("phone:+442070000001");
        assertThat(audited.get(1).customerIds()).containsExactly(id("email:a@example.com"), id("email:b@example.com"));
        assertThat(registry.counter("omnipulse.profile.identity.guarded", "kind", "shared-identifier").count())
                .isEqualTo(1.0);
    }

    @Test
    void differentCrmIdsNeverMergeAndTheEventGoesToItsStrongestIdentifier() {
        start();
        send("a1", Channel.EMAIL, 0, ids("A", "x@example.com", null, null, null));
        send("b1", Channel.EMAIL, 5, ids("B", "x@example.com", null, null, null));
        send("b2", Channel.CHAT, 6, ids("B", null, null, null, "v-b"));
        send("x1", Channel.CHAT, 7, ids(null, "x@example.com", null, null, "v-b"));

        String a = id("crm:A");
        String b = id("crm:B");
        assertThat(TopologyTestSupport.liveProfiles(driver)).containsOnlyKeys(a, b);
        assertThat(customerOf("email:x@example.com")).isEqualTo(a);
        assertThat(customerOf("visitor:v-b")).isEqualTo(b);
        assertThat(TopologyTestSupport.profile(driver, b).interactionCount()).isEqualTo(2);
        assertThat(TopologyTestSupport.profile(driver, a).interactionCount()).isEqualTo(2);
        assertThat(merges.isEmpty()).isTrue();
        List<IdentityConflict> conflicts = audit.readValuesToList();
        assertThat(conflicts).extracting(IdentityConflict::kind).containsExactly("crm-conflict", "crm-conflict");
        assertThat(conflicts.get(0).eventId()).isEqualTo("b1");
        assertThat(conflicts.get(0).attributedTo()).isEqualTo(b);
        assertThat(conflicts.get(0).customerIds()).containsExactly(b, a);
        assertThat(conflicts.get(1).attributedTo()).isEqualTo(a);
        assertThat(registry.counter("omnipulse.profile.identity.guarded", "kind", "crm-conflict").count())
                .isEqualTo(2.0);
    }

    @Test
    void aCustomerWithACrmIdKeepsItWhenAnOlderAnonymousCustomerJoins() {
        start();
        send("v1", Channel.CHAT, 0, ids(null, null, null, null, "v-9"));
        send("c1", Channel.CALL, 10, ids("C-7", "ann@example.com", null, null, null));
        send("c2", Channel.CHAT, 20, ids(null, "ann@example.com", null, null, "v-9"));

        String crm = id("crm:C-7");
        assertThat(TopologyTestSupport.liveProfiles(driver)).containsOnlyKeys(crm);
        assertThat(record(VISITOR).mergedInto()).isEqualTo(crm);
        assertThat(TopologyTestSupport.profile(driver, crm).firstContact()).isEqualTo(at(0));
    }

    @Test
    void valuesBeyondTheCapPerTypeAreAudited() {
        start(new ProfileLimits(2, 20, 200, 50), IdentityRules.DEFAULTS);
        send("e1", Channel.EMAIL, 1, ids("crm-9", "a@example.com", null, null, null));
        send("e2", Channel.EMAIL, 2, ids("crm-9", "b@example.com", null, null, null));
        send("e3", Channel.EMAIL, 3, ids("crm-9", "c@example.com", null, null, null));

        CustomerProfile profile = TopologyTestSupport.profile(driver, id("crm:crm-9"));
        assertThat(profile.identifiersOf("email")).containsExactly("a@example.com", "b@example.com");
        List<IdentityConflict> audited = audit.readValuesToList();
        assertThat(audited).extracting(IdentityConflict::kind).containsExactly("identifier-cap");
        assertThat(audited.get(0).identifiers()).containsExactly("email:c@example.com");
    }
}

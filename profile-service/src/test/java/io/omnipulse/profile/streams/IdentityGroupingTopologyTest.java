package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.events.Topics;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.ProfileLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The grouping of identifiers is a function of the set of events: bridges between crmIds, late shared identifiers, replays. */
class IdentityGroupingTopologyTest {

    private static final String CRM_1 = id("crm:1");
    private static final String CRM_2 = id("crm:2");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ContactEvent> events;
    private TestOutputTopic<String, IdentityConflict> audit;
    private TestOutputTopic<String, ContactEvent> resolved;

    private void start(IdentityRules rules) {
        driver = TopologyTestSupport.driver(new ProfileTopology(ProfileLimits.DEFAULTS, rules,
                ProfileTopology.DEFAULT_LOOP_TOPIC, registry).buildTopology());
        events = TopologyTestSupport.contactEvents(driver);
        audit = TopologyTestSupport.audit(driver);
        resolved = TopologyTestSupport.output(driver, Topics.RESOLVED_EVENTS);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private static String id(String typed) {
        return CustomerKeys.customerIdOf(typed);
    }

    private void send(ContactEvent event) {
        events.pipeInput(CustomerKeys.customerId(event.customer()), event);
    }

    private static ContactEvent event(String eventId, int minute, CustomerIds who) {
        return interaction(eventId, Channel.EMAIL, at(minute), who);
    }

    @Test
    void anIdentifierBridgingTwoCrmIdsGroupsTheSameInAllSixOrders() {
        ContactEvent a = event("a", 0, new CustomerIds("1", "x@example.com", null, null, null));
        ContactEvent b = event("b", 1, new CustomerIds("2", null, "+44 20 7946 0001", null, null));
        ContactEvent c = event("c", 2, new CustomerIds(null, "x@example.com", "+44 20 7946 0001", null, null));
        Map<String, String> expected = Map.of("crm:1", CRM_1, "email:x@example.com", CRM_1,
                "crm:2", CRM_2, "phone:+442079460001", CRM_2);

        for (List<ContactEvent> order : permutations(List.of(a, b, c))) {
            start(IdentityRules.DEFAULTS);
            order.forEach(this::send);

            String where = "order " + order.stream().map(ContactEvent::eventId).toList();
            assertThat(TopologyTestSupport.identities(driver)).as(where).isEqualTo(expected);
            Map<String, CustomerProfile> live = TopologyTestSupport.liveProfiles(driver);
            assertThat(live).as(where).containsKeys(CRM_1, CRM_2);
            assertThat(live.values().stream().mapToLong(CustomerProfile::interactionCount).sum()).as(where).isEqualTo(3);
            assertThat(resolved.readValuesToList()).as(where).hasSize(3);
            driver.close();
            driver = null;
        }
    }

    @Test
    void anIdentifierThatBecomesSharedLateUnlinksTheCustomersItHadLinked() {
        start(IdentityRules.DEFAULTS);
        String office = "+44 20 7000 0001";
        List<String> people = List.of("a", "b", "c", "d", "e");
        for (int n = 0; n < people.size(); n++) {
            send(event("o-" + people.get(n), n, new CustomerIds(null, people.get(n) + "@example.com", office, null, null)));
        }
        String a = id("email:a@example.com");
        assertThat(people).allSatisfy(p -> assertThat(customerOf("email:" + p + "@example.com")).isEqualTo(a));
        assertThat(audit.readValuesToList()).isEmpty();

        // The sixth customer on the same number: more than maxCustomersPerIdentifier (5).
        send(event("o-f", 5, new CustomerIds(null, "f@example.com", office, null, null)));

        for (String p : List.of("a", "b", "c", "d", "e", "f")) {
            String own = id("email:" + p + "@example.com");
            assertThat(customerOf("email:" + p + "@example.com")).as(p).isEqualTo(own);
            assertThat(TopologyTestSupport.record(driver, own).isMerged()).as(p).isFalse();
        }
        assertThat(customerOf("phone:+442070000001")).isEqualTo(id("phone:+442070000001"));
        List<IdentityConflict> audited = audit.readValuesToList();
        assertThat(audited).extracting(IdentityConflict::kind).containsOnly("shared-identifier", "customers-split");
        assertThat(audited).filteredOn(c -> c.kind().equals("customers-split"))
                .extracting(IdentityConflict::attributedTo)
                .containsExactlyInAnyOrder(id("email:b@example.com"), id("email:c@example.com"),
                        id("email:d@example.com"), id("email:e@example.com"));
        assertThat(audited).filteredOn(c -> c.kind().equals("customers-split"))
                .allSatisfy(c -> assertThat(c.customerIds()).startsWith(a));
        assertThat(registry.counter("omnipulse.profile.customers.split").count()).isEqualTo(4.0);
        // What was folded before the split stays with the survivor; new events go to the revived customer.
        assertThat(TopologyTestSupport.profile(driver, a).interactionCount()).isEqualTo(5);
        send(event("b-2", 10, new CustomerIds(null, "b@example.com", null, null, null)));
        assertThat(TopologyTestSupport.profile(driver, id("email:b@example.com")).interactionCount()).isEqualTo(1);
        assertThat(TopologyTestSupport.profile(driver, id("email:f@example.com")).interactionCount()).isEqualTo(1);
    }

    @Test
    void aReplayedEventIsPublishedResolvedOnceEvenAfterAMerge() {
        start(IdentityRules.DEFAULTS);
        ContactEvent chat = event("h1", 5, new CustomerIds(null, null, null, null, "v-9"));
        send(event("e1", 0, new CustomerIds(null, "ann@example.com", null, null, null)));
        send(chat);
        send(chat);
        send(event("h2", 6, new CustomerIds(null, "ann@example.com", null, null, "v-9")));
        assertThat(customerOf("visitor:v-9")).isEqualTo(id("email:ann@example.com"));

        send(chat);

        List<String> published = resolved.readValuesToList().stream().map(ContactEvent::eventId).toList();
        assertThat(published).containsExactly("e1", "h1", "h2");
        assertThat(registry.counter("omnipulse.profile.events.ignored", "reason", "replay").count()).isEqualTo(2.0);
        assertThat(TopologyTestSupport.profile(driver, id("email:ann@example.com")).interactionCount()).isEqualTo(3);
    }

    @Test
    void resolvedEventKeysAreForgottenAfterTheRetention() {
        start(IdentityRules.DEFAULTS);
        ContactEvent chat = event("h1", 5, new CustomerIds(null, null, null, null, "v-9"));
        send(chat);
        driver.advanceWallClockTime(ProfileTopology.DEFAULT_REPLAY_RETENTION.minus(Duration.ofHours(2)));
        send(chat);
        assertThat(resolved.readValuesToList()).hasSize(1);

        driver.advanceWallClockTime(Duration.ofHours(3));
        send(chat);

        assertThat(resolved.readValuesToList()).hasSize(1);
        assertThat(registry.counter("omnipulse.profile.events.ignored", "reason", "replay").count()).isEqualTo(1.0);
    }

    private String customerOf(String typed) {
        return TopologyTestSupport.customerOf(driver, typed);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        permute(new ArrayList<>(), new ArrayList<>(items), out::add);
        return out;
    }

    private static <T> void permute(List<T> prefix, List<T> rest, Consumer<List<T>> out) {
        if (rest.isEmpty()) {
            out.accept(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < rest.size(); i++) {
            List<T> remaining = new ArrayList<>(rest);
            prefix.add(remaining.remove(i));
            permute(prefix, remaining, out);
            prefix.remove(prefix.size() - 1);
        }
    }
}

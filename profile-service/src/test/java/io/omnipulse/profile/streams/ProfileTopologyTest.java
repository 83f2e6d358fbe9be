package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.annByCall;
import static io.omnipulse.profile.TestEvents.annByChat;
import static io.omnipulse.profile.TestEvents.annByEmail;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.profile.domain.ChannelUsage;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.JourneyEntry;
import io.omnipulse.profile.domain.ProfileLimits;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProfileTopologyTest {

    private static final String ANN = CustomerKeys.customerId(annByEmail());

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ContactEvent> events;

    private void start(ProfileLimits limits) {
        driver = TopologyTestSupport.driver(new ProfileTopology(limits, registry).buildTopology());
        events = TopologyTestSupport.contactEvents(driver);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void send(ContactEvent event) {
        events.pipeInput(CustomerKeys.customerId(event.customer()), event);
    }

    private CustomerProfile profile(String customerId) {
        return TopologyTestSupport.profile(driver, customerId);
    }

    private long profileCount() {
        return TopologyTestSupport.liveProfiles(driver).size();
    }

    /** The customer id that the identifier index holds for a typed identifier. */
    private String indexed(String typedIdentifier) {
        return TopologyTestSupport.customerOf(driver, typedIdentifier);
    }

    @Test
    void emailCallAndChatOfOneCustomerMakeOneProfileWithThreeChannels() {
        start(ProfileLimits.DEFAULTS);
        send(interaction("e1", Channel.EMAIL, at(0), annByEmail()));
        send(interaction("c1", Channel.CALL, at(10), annByCall()));
        send(interaction("h1", Channel.CHAT, at(20), annByChat()));
        send(interaction("e2", Channel.EMAIL, at(30), annByEmail()));

        assertThat(profileCount()).isEqualTo(1);
        CustomerProfile ann = profile(ANN);
        assertThat(ann.channels()).containsOnlyKeys("email", "call", "chat");
        assertThat(ann.channels().get("email")).isEqualTo(new ChannelUsage(2, at(0), at(30)));
        assertThat(ann.channels().get("chat")).isEqualTo(new ChannelUsage(1, at(20), at(20)));
        assertThat(ann.interactionCount()).isEqualTo(4);
        assertThat(ann.firstContact()).isEqualTo(at(0));
        assertThat(ann.lastContact()).isEqualTo(at(30));
        assertThat(registry.counter("omnipulse.profile.events.folded").count()).isEqualTo(4.0);
    }

    @Test
    void anEventWhoseIdentifierLeadsItsCustomerIsClaimedAndFoldedInItsTaskWithoutTheLoop() {
        start(ProfileLimits.DEFAULTS);
        // The loop's partition count is learnt from its first write: until then everything takes the loop.
        send(interaction("e1", Channel.EMAIL, at(0), annByEmail()));
        assertThat(shortcuts("claim")).isZero();
        // The claim's write told it, so the fold that claim made already stayed in the task.
        assertThat(shortcuts("fold")).isEqualTo(1.0);

        var loop = driver.createOutputTopic(ProfileTopology.DEFAULT_LOOP_TOPIC,
                new org.apache.kafka.common.serialization.StringDeserializer(), ProfileTopology.LOOP_SERDE.deserializer());
        loop.readRecordsToList();
        send(interaction("e2", Channel.EMAIL, at(10), annByEmail()));
        assertThat(shortcuts("claim")).isEqualTo(1.0);
        assertThat(shortcuts("fold")).isEqualTo(2.0);
        assertThat(loop.readRecordsToList()).isEmpty();

        // With one partition every key is local: the event passes from its e-mail to its phone in the task.
        send(interaction("c1", Channel.CALL, at(20), annByCall()));
        assertThat(shortcuts("claim")).isEqualTo(3.0);
        assertThat(shortcuts("fold")).isEqualTo(3.0);
        assertThat(loop.readRecordsToList()).extracting(r -> (Object) r.value().getClass())
                .doesNotContain(LoopMessage.Claim.class, LoopMessage.Fold.class);
        assertThat(profile(ANN).interactionCount()).isEqualTo(3);
        assertThat(indexed("phone:+442079460958")).isEqualTo(ANN);
    }

    private double shortcuts(String kind) {
        return registry.counter("omnipulse.profile.loop.shortcuts", "kind", kind).count();
    }

    @Test
    void identifierIndexFindsTheProfileByEveryIdentifierNormalised() {
        start(ProfileLimits.DEFAULTS);
        send(interaction("e1", Channel.EMAIL, at(0), annByEmail()));
        send(interaction("c1", Channel.CALL, at(10), annByCall()));
        send(interaction("h1", Channel.CHAT, at(20), annByChat()));

        assertThat(indexed(CustomerKeys.typed(CustomerKeys.EMAIL, " Ann@Example.com "))).isEqualTo(ANN);
        assertThat(indexed(CustomerKeys.typed(CustomerKeys.PHONE, "+44 (20) 7946-0958"))).isEqualTo(ANN);
        assertThat(indexed(CustomerKeys.typed(CustomerKeys.VISITOR, "v-42"))).isEqualTo(ANN);
        assertThat(indexed(CustomerKeys.typed(CustomerKeys.EMAIL, "bob@example.com"))).isNull();
        assertThat(profile(indexed("phone:+442079460958")).channels()).hasSize(3);
    }

    @Test
    void duplicateEventIsNotCountedTwice() {
        start(ProfileLimits.DEFAULTS);
        ContactEvent call = interaction("c1", Channel.CALL, at(10), annByCall());
        send(call);
        send(call);

        CustomerProfile ann = profile(ANN);
        assertThat(ann.interactionCount()).isEqualTo(1);
        assertThat(ann.channels().get("call").count()).isEqualTo(1);
        assertThat(ann.journey()).hasSize(1);
        // The resolver already drops the re-sent event, so the profile never sees it again.
        assertThat(registry.counter("omnipulse.profile.events.ignored", "reason", "replay").count()).isEqualTo(1.0);
    }

    @Test
    void journeyIsInEventTimeOrderWithLateEventsAndBounded() {
        start(new ProfileLimits(10, 3, 200, 50));
        send(interaction("e2", Channel.EMAIL, at(2), annByEmail()));
        send(interaction("c4", Channel.CALL, at(4), annByCall()));
        send(interaction("h1", Channel.CHAT, at(1), annByChat()));
        send(interaction("e3", Channel.EMAIL, at(3), annByEmail()));

        assertThat(profile(ANN).journey()).extracting(JourneyEntry::eventId)
                .containsExactly("e2", "e3", "c4");
        assertThat(profile(ANN).journey()).extracting(JourneyEntry::channel)
                .containsExactly(Channel.EMAIL, Channel.EMAIL, Channel.CALL);
    }

    @Test
    void identifierValuesPerTypeAreCappedInTheProfile() {
        start(new ProfileLimits(2, 20, 200, 50));
        send(interaction("e1", Channel.EMAIL, at(1), new CustomerIds("crm-9", "a@example.com", null, null, null)));
        send(interaction("e2", Channel.EMAIL, at(2), new CustomerIds("crm-9", "b@example.com", null, null, null)));
        send(interaction("e3", Channel.EMAIL, at(3), new CustomerIds("crm-9", "c@example.com", null, null, null)));

        CustomerProfile profile = profile(CustomerKeys.customerIdOf("crm:crm-9"));
        assertThat(profile.identifiersOf("email")).containsExactly("a@example.com", "b@example.com");
        assertThat(profile.interactionCount()).isEqualTo(3);
    }

    @Test
    void processorsStoresAndTheLoopTopicHaveStableNames() {
        start(ProfileLimits.DEFAULTS);

        String description = new ProfileTopology(ProfileLimits.DEFAULTS, registry).buildTopology().describe().toString();

        assertThat(description).contains(ProfileTopology.DEFAULT_LOOP_TOPIC, ProfileTopology.PROFILE_STORE,
                        ProfileTopology.IDENTIFIER_INDEX_STORE, ProfileTopology.RESOLVED_KEYS_STORE)
                .doesNotContain("KSTREAM-", "KTABLE-");
    }

    @Test
    void recordsWithoutCustomerOrValueAreSkipped() {
        start(ProfileLimits.DEFAULTS);
        events.pipeInput(null, interaction("e1", Channel.EMAIL, at(1), CustomerIds.none()));
        events.pipeInput(ANN, (ContactEvent) null);

        assertThat(profileCount()).isZero();
        assertThat(registry.counter("omnipulse.profile.events.ignored", "reason", "unusable").count()).isEqualTo(2.0);
    }
}

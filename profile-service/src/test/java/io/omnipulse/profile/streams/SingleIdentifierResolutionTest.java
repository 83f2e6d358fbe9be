package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.annByCall;
import static io.omnipulse.profile.TestEvents.annByEmail;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Topics;
import io.omnipulse.profile.domain.ProfileLimits;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An event with a single identifier is resolved by the identity: no EXPECT, no RESPONSE, one round trip less. */
class SingleIdentifierResolutionTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestOutputTopic<String, LoopMessage> loop;
    private TestOutputTopic<String, ContactEvent> resolved;

    @BeforeEach
    void start() {
        driver = TopologyTestSupport.driver(new ProfileTopology(ProfileLimits.DEFAULTS, registry).buildTopology());
        loop = driver.createOutputTopic(ProfileTopology.DEFAULT_LOOP_TOPIC, Serdes.String().deserializer(),
                ProfileTopology.LOOP_SERDE.deserializer());
        resolved = TopologyTestSupport.output(driver, Topics.RESOLVED_EVENTS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aSingleIdentifierEventTakesOneClaimAndItsFoldStaysInTheTask() {
        ContactEvent mail = interaction("e1", Channel.EMAIL, at(1), annByEmail());
        String ann = CustomerKeys.customerId(annByEmail());

        TopologyTestSupport.contactEvents(driver).pipeInput(ann, mail);

        // The first write tells the loop's partition count (LoopRouting): the claim takes the loop,
        // the fold, for a profile of this one-partition task, does not.
        List<LoopMessage> written = loop.readValuesToList();
        assertThat(written).extracting(LoopMessage::kind).containsExactly(LoopMessage.Kind.CLAIM);
        assertThat(written.get(0).event()).isEqualTo(mail);
        assertThat(registry.counter("omnipulse.profile.loop.shortcuts", "kind", "fold").count()).isEqualTo(1.0);
        assertThat(resolved.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(ann);
        assertThat(TopologyTestSupport.profile(driver, ann).interactionCount()).isEqualTo(1);
        assertThat(registry.counter("omnipulse.profile.events.resolved").count()).isEqualTo(1.0);
    }

    @Test
    void aReplayOfASingleIdentifierEventIsDroppedByTheIdentity() {
        ContactEvent mail = interaction("e1", Channel.EMAIL, at(1), annByEmail());
        var input = TopologyTestSupport.contactEvents(driver);
        input.pipeInput("k", mail);
        input.pipeInput("k", mail);

        assertThat(resolved.readValuesToList()).hasSize(1);
        assertThat(registry.counter("omnipulse.profile.events.ignored", "reason", "replay").count()).isEqualTo(1.0);
    }

    @Test
    void anEventWithSeveralIdentifiersStillGoesThroughTheResolver() {
        TopologyTestSupport.contactEvents(driver).pipeInput("k", interaction("c1", Channel.CALL, at(1), annByCall()));

        assertThat(loop.readValuesToList()).extracting(LoopMessage::kind)
                .contains(LoopMessage.Kind.EXPECT, LoopMessage.Kind.RESPONSE);
        assertThat(registry.counter("omnipulse.profile.events.resolved").count()).isEqualTo(1.0);
        assertThat(resolved.readValuesToList()).hasSize(1);
    }
}

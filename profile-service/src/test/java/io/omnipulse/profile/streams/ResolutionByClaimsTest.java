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

/** The identity resolves events: each identifier claims the event in turn, and the last one resolves it. */
class ResolutionByClaimsTest {

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
        assertThat(written).singleElement().isInstanceOfSatisfying(LoopMessage.Claim.class,
                claim -> assertThat(claim.event()).isEqualTo(mail));
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
    void anEventWithSeveralIdentifiersPassesFromEachToTheNextAndTheLastResolvesIt() {
        ContactEvent call = interaction("c1", Channel.CALL, at(1), annByCall());
        TopologyTestSupport.contactEvents(driver).pipeInput("k", call);

        // e-mail first (through the loop: its partition count is not known yet), then the phone in the task.
        List<LoopMessage.Claim> claims = loop.readValuesToList().stream().filter(LoopMessage.Claim.class::isInstance)
                .map(LoopMessage.Claim.class::cast).toList();
        assertThat(claims).singleElement().satisfies(claim -> {
            assertThat(claim.event()).isEqualTo(call);
            assertThat(claim.gathered()).isEqualTo(LoopMessage.Gathered.NOTHING);
        });
        assertThat(registry.counter("omnipulse.profile.loop.shortcuts", "kind", "claim").count()).isEqualTo(1.0);
        assertThat(resolved.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly(CustomerKeys.customerId(annByEmail()));
        assertThat(TopologyTestSupport.customerOf(driver, "phone:+442079460958"))
                .isEqualTo(CustomerKeys.customerId(annByEmail()));
    }

    @Test
    void aReplayOfAnEventWithSeveralIdentifiersIsDroppedWhereItsLastIdentifierLives() {
        ContactEvent call = interaction("c1", Channel.CALL, at(1), annByCall());
        var input = TopologyTestSupport.contactEvents(driver);
        input.pipeInput("k", call);
        input.pipeInput("k", call);

        assertThat(resolved.readValuesToList()).hasSize(1);
        assertThat(registry.counter("omnipulse.profile.events.ignored", "reason", "replay").count()).isEqualTo(1.0);
        assertThat(TopologyTestSupport.profile(driver, CustomerKeys.customerId(annByEmail())).interactionCount())
                .isEqualTo(1);
    }
}

package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.profile.domain.ProfileLimits;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The profile store's pointers, driven straight through the loop topic: a pointer older than the
 * merge that makes its id a survivor is stale, and a repoint only moves an id that still points at
 * the survivor that was merged further.
 */
class StalePointerTest {

    static final Instant T1 = Instant.parse("2025-03-03T10:00:00Z");
    static final Instant T2 = T1.plusSeconds(5);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyTestDriver driver = TopologyTestSupport.continuingAfterErrors(
            new ProfileTopology(ProfileLimits.DEFAULTS, meters).buildTopology());
    final TestInputTopic<String, LoopMessage> loop = driver.createInputTopic(ProfileTopology.DEFAULT_LOOP_TOPIC,
            Serdes.String().serializer(), ProfileTopology.LOOP_SERDE.serializer());
    final TestOutputTopic<String, CustomersMerged> merges = TopologyTestSupport.merges(driver);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aMergeBackIntoAnIdWhosePointerIsOlderMakesItLiveAgain() {
        fold("a", "e-1");
        fold("b", "e-2");
        loop.pipeInput("a", new LoopMessage.MergedInto(merge("b", "a", T1), 1));
        // b merges back into a before a's REVIVE came: a's pointer to b is older than this merge.
        loop.pipeInput("b", new LoopMessage.MergedInto(merge("a", "b", T2), 1));

        assertThat(TopologyTestSupport.record(driver, "a").isMerged()).isFalse();
        assertThat(TopologyTestSupport.profile(driver, "a").interactionCount()).isEqualTo(2);
        assertThat(TopologyTestSupport.record(driver, "b").mergedInto()).isEqualTo("a");
        assertThat(merges.readValuesToList()).extracting(m -> m.mergedId() + "->" + m.survivorId())
                .containsExactly("a->b", "b->a", "a->a");
        assertThat(meters.get("omnipulse.loop.guard.tripped").counter().count()).isZero();
    }

    @Test
    void aRepointMovesOnlyAnIdThatStillPointsAtTheMergedSurvivor() {
        fold("a", "e-1");
        loop.pipeInput("a", new LoopMessage.MergedInto(merge("b", "a", T1), 1));

        loop.pipeInput("a", new LoopMessage.Repoint(merge("c", "a", T2), "d", 1));
        assertThat(TopologyTestSupport.record(driver, "a").mergedInto()).isEqualTo("b");

        loop.pipeInput("a", new LoopMessage.Repoint(merge("c", "a", T2), "b", 1));
        assertThat(TopologyTestSupport.record(driver, "a").mergedInto()).isEqualTo("c");
    }

    private void fold(String customer, String eventId) {
        loop.pipeInput(customer, new LoopMessage.Fold(interaction(eventId, Channel.EMAIL, at(1),
                new CustomerIds(null, customer + "@example.com", null, null, null)), 1));
    }

    private static CustomersMerged merge(String survivor, String merged, Instant at) {
        return new CustomersMerged(survivor, merged, "test", "link", List.of(), T1, at);
    }
}

package io.omnipulse.alerting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The bounds on live streams, without a server: per subject, per instance, and freeing a slot once. */
class StreamSlotsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aSubjectHoldsAtMostItsLimitAndGetsASlotBackWhenAStreamEnds() {
        StreamSlots slots = new StreamSlots(10, 2, registry);
        StreamSlots.Slot first = slots.take("lead@example.com");
        slots.take("lead@example.com");

        assertThatThrownBy(() -> slots.take("lead@example.com")).isInstanceOf(TooManyStreamsException.class)
                .hasMessageNotContaining("lead@example.com");
        slots.take("agent@example.com");

        first.release();
        slots.take("lead@example.com");
        assertThat(slots.open()).isEqualTo(3);
    }

    @Test
    void theInstanceLimitHoldsAcrossSubjects() {
        StreamSlots slots = new StreamSlots(2, 2, registry);
        slots.take("a@example.com");
        StreamSlots.Slot second = slots.take("b@example.com");

        assertThatThrownBy(() -> slots.take("c@example.com")).isInstanceOf(TooManyStreamsException.class);
        second.release();
        slots.take("c@example.com");
    }

    @Test
    void aSlotReleasedTwiceIsFreedOnceAndTheGaugeCountsOpenStreams() {
        StreamSlots slots = new StreamSlots(10, 1, registry);
        StreamSlots.Slot slot = slots.take("lead@example.com");
        slots.take("agent@example.com");
        assertThat(registry.get("omnipulse.alerting.streams.open").gauge().value()).isEqualTo(2);

        slot.release();
        slot.release();
        assertThat(slots.open()).isEqualTo(1);
        assertThat(registry.get("omnipulse.alerting.streams.open").gauge().value()).isEqualTo(1);
        slots.take("lead@example.com");
        assertThatThrownBy(() -> slots.take("lead@example.com")).isInstanceOf(TooManyStreamsException.class);
    }
}

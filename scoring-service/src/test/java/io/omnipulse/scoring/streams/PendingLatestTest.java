package io.omnipulse.scoring.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PendingLatestTest {

    @Test
    void aKeyHeldKeepsOnlyItsLatestValueUntilTaken() {
        PendingLatest<String> pending = new PendingLatest<>(2);

        assertThat(pending.offer("team|a", "1")).isTrue();
        assertThat(pending.offer("team|a", "2")).isTrue();

        assertThat(pending.take("team|a")).isEqualTo("2");
        assertThat(pending.take("team|a")).isNull();
    }

    @Test
    void aNewKeyIsRefusedWhenFullWhileKeysHeldStillTakeUpdates() {
        PendingLatest<String> pending = new PendingLatest<>(2);
        pending.offer("a", "1");
        pending.offer("b", "1");

        assertThat(pending.offer("c", "1")).as("full: the caller publishes c at once").isFalse();
        assertThat(pending.offer("a", "2")).as("a is held: updating it takes no room").isTrue();
        assertThat(pending.size()).isEqualTo(2);
        assertThat(pending.take("c")).isNull();

        pending.take("b");
        assertThat(pending.offer("c", "2")).as("room again once a key was taken").isTrue();
        assertThat(pending.take("a")).isEqualTo("2");
        assertThat(pending.take("c")).isEqualTo("2");
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new PendingLatest<String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

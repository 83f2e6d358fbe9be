package io.omnipulse.scoring.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PendingPerKeyTest {

    @Test
    void aKeyHeldKeepsOnlyItsLatestValueUntilTaken() {
        PendingPerKey<String> pending = new PendingPerKey<>(2);

        assertThat(pending.offer("team|a", "1")).isTrue();
        assertThat(pending.offer("team|a", "2")).isTrue();

        assertThat(pending.take("team|a")).isEqualTo("2");
        assertThat(pending.take("team|a")).isNull();
    }

    @Test
    void aNewKeyIsRefusedWhenFullWhileKeysHeldStillTakeUpdates() {
        PendingPerKey<String> pending = new PendingPerKey<>(2);
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
    void addedValuesSumPerKeyAndANewKeyIsRefusedWhenFull() {
        PendingPerKey<Long> pending = new PendingPerKey<>(1);

        assertThat(pending.add("global|all", 2L, Long::sum)).isTrue();
        assertThat(pending.add("global|all", -5L, Long::sum)).isTrue();
        assertThat(pending.add("team|a", 1L, Long::sum)).as("full: the caller passes team|a on at once").isFalse();

        assertThat(pending.take("global|all")).isEqualTo(-3L);
        assertThat(pending.take("team|a")).isNull();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new PendingPerKey<String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

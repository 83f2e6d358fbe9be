package io.omnipulse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerRateLimitsTest {

    @Test
    void aCallerMaySpendItsBurstThenWaitsWhileOthersKeepTheirs() {
        CallerRateLimits limits = new CallerRateLimits(10, 100);

        assertThat(limits.tryTake("key-a", 60)).isZero();
        assertThat(limits.tryTake("key-a", 40)).isZero();
        // 10 tokens a second: 50 more are about 5 s away (never less than 1, never 0 when refused).
        assertThat(limits.tryTake("key-a", 50)).isBetween(4L, 5L);
        assertThat(limits.tryTake("key-b", 100)).as("another caller, another bucket").isZero();
    }

    @Test
    void aRefusedRequestTakesNothingAndACostAboveTheBurstIsCappedSoItCanPassOnceFull() {
        CallerRateLimits limits = new CallerRateLimits(10, 100);
        assertThat(limits.tryTake("key-a", 95)).isZero();
        assertThat(limits.tryTake("key-a", 10)).isPositive();
        assertThat(limits.tryTake("key-a", 5)).as("the refused 10 were not taken").isZero();
        assertThat(new CallerRateLimits(10, 100).tryTake("key-c", 1_000)).isZero();
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new CallerRateLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallerRateLimits(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}

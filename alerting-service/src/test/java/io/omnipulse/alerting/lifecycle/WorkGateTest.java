package io.omnipulse.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkGateTest {

    @Test
    void drainWaitsForWorkInProgressAndRefusesNewJobs() throws Exception {
        WorkGate gate = new WorkGate();
        assertThat(gate.enter()).isTrue();
        CountDownLatch draining = new CountDownLatch(1);
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> {
            draining.countDown();
            try {
                return gate.closeAndDrain(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        draining.await(10, TimeUnit.SECONDS);
        // The drain cannot finish while the job runs: it is still waiting.
        assertThat(drained).isNotDone();
        gate.exit();
        assertThat(drained.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(gate.enter()).as("no job starts once shutdown began").isFalse();
    }

    @Test
    void aBackoffWaitEndsWhenTheGateCloses() throws Exception {
        WorkGate gate = new WorkGate();
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.pause(Duration.ofHours(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        gate.closeAndDrain(Duration.ZERO);
        assertThat(waited.get(30, TimeUnit.SECONDS)).as("false: stop retrying").isFalse();
    }

    @Test
    void drainGivesUpAfterItsTimeoutAndSaysHowMuchIsLeft() throws Exception {
        WorkGate gate = new WorkGate();
        gate.enterAlways();
        assertThat(gate.closeAndDrain(Duration.ofMillis(50))).isEqualTo(1);
    }
}

package io.omnipulse.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContextProgressTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final ContextProgress progress = new ContextProgress(3, Duration.ofSeconds(5));

    @Test
    void everyPartInIsFetched() {
        ContextProgress.Step step = progress.after(0, 0, NOW);
        assertThat(step.status()).isEqualTo(ContextStatus.FETCHED);
        assertThat(step.attempts()).isEqualTo(1);
    }

    @Test
    void aMissingPartIsRetriedWithADoublingBackoff() {
        assertThat(progress.after(0, 1, NOW)).isEqualTo(new ContextProgress.Step(ContextStatus.PENDING, 1,
                NOW.plusSeconds(5)));
        assertThat(progress.after(1, 2, NOW)).isEqualTo(new ContextProgress.Step(ContextStatus.PENDING, 2,
                NOW.plusSeconds(10)));
    }

    @Test
    void theLastAttemptWithAPartMissingMakesTheContextUnavailable() {
        assertThat(progress.after(2, 1, NOW).status()).isEqualTo(ContextStatus.UNAVAILABLE);
        assertThat(progress.after(2, 0, NOW).status()).isEqualTo(ContextStatus.FETCHED);
    }
}

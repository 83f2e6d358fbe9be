package io.omnipulse.profile.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.ErasureProgress;
import io.omnipulse.profile.domain.ErasureStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErasureViewTest {

    private static final Instant REQUESTED = Instant.parse("2026-11-29T12:00:00Z");
    private static final List<String> SERVICES = List.of("profile-service", "alerting-service");

    private static ErasureStatus afterSteps(String... steps) {
        ErasureStatus status = ErasureStatus.fold(null, new ErasureProgress("er-1", "cus-1", REQUESTED,
                ErasureProgress.REQUESTED, REQUESTED, 0));
        long seconds = 0;
        for (String step : steps) {
            seconds += 2;
            status = ErasureStatus.fold(status, new ErasureProgress("er-1", "cus-1", REQUESTED, step,
                    REQUESTED.plusSeconds(seconds), 3));
        }
        return status;
    }

    @Test
    void doneOnceEveryServiceAndTheRawTopicsRetentionAreWithTheTimeItTook() {
        Duration retention = Duration.ofSeconds(30);
        ErasureView partly = ErasureView.of(afterSteps("profile-service"), SERVICES, retention, REQUESTED.plusSeconds(5));
        assertThat(partly.status()).isEqualTo(ErasureView.PENDING);
        assertThat(partly.tookMs()).isNull();
        assertThat(partly.services().get("alerting-service").status()).isEqualTo(ErasureView.PENDING);

        ErasureView servicesDone = ErasureView.of(afterSteps("profile-service", "alerting-service"), SERVICES, retention,
                REQUESTED.plusSeconds(10));
        assertThat(servicesDone.services().get("alerting-service").erased()).isEqualTo(3);
        assertThat(servicesDone.services().get(ErasureView.RAW_TOPICS).status()).isEqualTo(ErasureView.PENDING);
        assertThat(servicesDone.services().get(ErasureView.RAW_TOPICS).readableUntil()).isEqualTo(REQUESTED.plusSeconds(30));
        assertThat(servicesDone.status()).isEqualTo(ErasureView.PENDING);

        ErasureView done = ErasureView.of(afterSteps("profile-service", "alerting-service"), SERVICES, retention,
                REQUESTED.plusSeconds(31));
        assertThat(done.status()).isEqualTo(ErasureView.DONE);
        assertThat(done.tookMs()).isEqualTo(30_000L);
        assertThat(done.services().keySet()).containsExactly("profile-service", "alerting-service", ErasureView.RAW_TOPICS);
    }
}

package io.omnipulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void originSurvivesTheRoundTripThroughHeaders() {
        DeadLetters.Origin origin = DeadLetters.origin("profile-service", "cx.contact-events.v1", 3, 42L,
                DeadLetters.Stage.DESERIALIZE, new IllegalArgumentException("bad\u0000json"),
                Instant.parse("2026-11-29T10:00:00Z"));

        RecordHeaders headers = new RecordHeaders(origin.toHeaders());

        assertThat(DeadLetters.Origin.from(headers)).contains(origin);
        assertThat(origin.errorMessage()).isEqualTo("bad json");
        assertThat(origin.errorClass()).isEqualTo(IllegalArgumentException.class.getName());
    }

    @Test
    void longErrorMessagesAreCut() {
        DeadLetters.Origin origin = DeadLetters.origin("scoring-service", "t", 0, 0L, DeadLetters.Stage.PROCESS,
                new IllegalStateException("x".repeat(2_000_000)), Instant.EPOCH);

        assertThat(origin.errorMessage()).hasSize(DeadLetters.MAX_MESSAGE_CHARS + 3);
    }

    @Test
    void recordsWithoutOurHeadersAreNotDeadLetters() {
        assertThat(DeadLetters.Origin.from(new RecordHeaders())).isEmpty();
    }
}

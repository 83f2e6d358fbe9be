package io.omnipulse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omnipulse.ingest.channel.ChatSession;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Strict reading: unknown fields, duplicate keys and coercions are refused by path, never quoting input. */
class StrictJsonTest {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    final EventReader reader = new EventReader(
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(400), Duration.ofMinutes(5)), 10);

    static String event(String customer, String extra) {
        return """
                {"eventId":"e","source":"s","type":"interaction","channel":"chat","occurredAt":"2025-03-01T11:00:00Z",
                 "customer":%s,"interaction":{"status":"open"}%s}""".formatted(customer, extra);
    }

    InvalidRequestException refused(String body) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> reader.read(body));
        assertThat(e).as("refused: %s", body).isNotNull();
        return e;
    }

    @Test
    void unknownFieldsAreNamedAtEveryDepth() {
        assertThat(refused(event("{\"email\":\"a@example.com\"}", ",\"secretField\":1")).errors())
                .extracting(FieldError::field, FieldError::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("secretField", "is not a known field"));
        assertThat(refused(event("{\"email\":\"a@example.com\",\"nick\":\"annie\"}", "")).errors())
                .extracting(FieldError::field).containsExactly("customer.nick");
    }

    @Test
    void duplicateKeysAreNamedWithTheirPathInsideABatch() {
        String good = event("{\"email\":\"a@example.com\"}", "");
        String dup = event("{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}", "");
        InvalidRequestException e = refused("[" + good + "," + good + "," + dup + "]");
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("[2].customer.email");
        assertThat(e.getMessage()).doesNotContain("b@example.com");
        assertThat(refused(good.replace("\"source\":\"s\"", "\"source\":\"s\",\"source\":\"t\"")).errors())
                .extracting(FieldError::field).containsExactly("source");
    }

    @Test
    void coercionsAreRefused() {
        assertThat(refused(event("{\"crmId\":42}", "")).errors()).extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("customer.crmId", "must be a string"));
        assertThat(refused(event("{\"crmId\":true}", "")).errors()).extracting(FieldError::field)
                .containsExactly("customer.crmId");
        assertThat(refused(event("{\"email\":\"a@example.com\"}", "").replace("\"status\":\"open\"",
                "\"waitSeconds\":99999999999")).errors()).extracting(FieldError::field)
                .containsExactly("interaction.waitSeconds");
    }

    @Test
    void jacksonMessagesThatQuoteTheInputAreReplaced() {
        InvalidRequestException e = refused(event("{\"email\":\"a@example.com\"}", "")
                .replace("2025-03-01T11:00:00Z", "ann.private@example.com"));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("occurredAt");
        assertThat(e.getMessage()).doesNotContain("ann.private");
        InvalidRequestException channel = refused(event("{\"email\":\"a@example.com\"}", "")
                .replace("\"chat\"", "\"ann.private@example.com\""));
        assertThat(channel.errors()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("channel");
            assertThat(f.message()).isEqualTo("must be one of email, chat, social, call");
        });
    }

    @Test
    void malformedJsonAndTrailingContentAreRefusedWithAPositionOnly() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> StrictJson.tree("{\"eventId\": ann.private}"));
        assertThat(e.getMessage()).startsWith("malformed JSON at line 1").doesNotContain("ann.private");
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> StrictJson.tree("{\"a\":1} {\"b\":2}"))).isNotNull();
    }

    @Test
    void channelPayloadsAreStrictToo() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> StrictJson.read("{\"sessionId\":\"s\",\"sessionId\":\"t\"}", ChatSession.class));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("sessionId");
        InvalidRequestException unknown = catchThrowableOfType(InvalidRequestException.class,
                () -> StrictJson.read("{\"sessionId\":\"s\",\"rating\":5}", ChatSession.class));
        assertThat(unknown.errors()).extracting(FieldError::field).containsExactly("rating");
    }
}

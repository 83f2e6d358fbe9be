package io.omnipulse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Metric;
import io.omnipulse.events.serde.EventJson;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventReaderTest {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    final EventReader reader = new EventReader(
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(400), Duration.ofMinutes(5)), 3);

    static String event(String eventId, String channel, String score) {
        return """
                {"eventId":"%s","source":"survey-tool","type":"feedback","channel":"%s",
                 "occurredAt":"2025-03-01T11:00:00Z","customer":{"email":"ann@example.com"},
                 "feedback":{"metric":"nps","score":%s}}""".formatted(eventId, channel, score);
    }

    static JsonNode json(String text) throws Exception {
        return EventJson.mapper().readTree(text);
    }

    List<String> errorFields(String body) throws Exception {
        JsonNode node = json(body);
        try {
            reader.read(node);
        } catch (InvalidRequestException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected a 400 for " + body);
    }

    @Test
    void singleObjectBecomesOneEventParsedAsOnTheWire() throws Exception {
        List<ContactEvent> events = reader.read(json(event("e-1", "chat", "3")));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.channel()).isEqualTo(Channel.CHAT);
            assertThat(e.feedback().metric()).isEqualTo(Metric.NPS);
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-03-01T11:00:00Z"));
        });
    }

    @Test
    void batchKeepsOrder() throws Exception {
        List<ContactEvent> events = reader.read(json("[" + event("a", "email", "9") + "," + event("b", "call", "2") + "]"));
        assertThat(events).extracting(ContactEvent::eventId).containsExactly("a", "b");
    }

    @Test
    void everyBadElementOfABatchIsNamedByIndex() throws Exception {
        String body = "[" + event("a", "email", "9") + "," + event("b", "email", "12") + "," + event("c", "fax", "3") + "]";
        assertThat(errorFields(body)).containsExactly("[1].feedback.score", "[2].channel");
    }

    @Test
    void singleEventErrorsHaveNoIndex() throws Exception {
        assertThat(errorFields(event("a", "fax", "3"))).containsExactly("channel");
        assertThat(errorFields(event("a", "email", "11"))).containsExactly("feedback.score");
    }

    @Test
    void wrongJsonTypesNameTheField() throws Exception {
        assertThat(errorFields(event("a", "email", "\"ten\""))).containsExactly("feedback.score");
        assertThat(errorFields(event("a", "email", "7.5"))).containsExactly("feedback.score");
        assertThat(errorFields(event("a", "email", "\"7\""))).containsExactly("feedback.score");
        assertThat(errorFields("[" + event("a", "email", "{}") + "]")).containsExactly("[0].feedback.score");
    }

    @Test
    void unknownEnumMessageListsTheAllowedValuesWithoutRepeatingTheInput() throws Exception {
        try {
            reader.read(json(event("a", "fax", "3")));
            throw new AssertionError("expected a 400");
        } catch (InvalidRequestException e) {
            assertThat(e.errors().get(0).message()).doesNotContain("fax").contains("email, chat, social, call");
            assertThat(e.getMessage()).doesNotContain("fax");
        }
    }

    @Test
    void occurredAtMustBeIsoText() throws Exception {
        assertThat(errorFields(event("a", "email", "3").replace("\"2025-03-01T11:00:00Z\"", "1740826800")))
                .containsExactly("occurredAt");
        assertThat(errorFields(event("a", "email", "3").replace("2025-03-01T11:00:00Z", "yesterday")))
                .containsExactly("occurredAt");
    }

    @Test
    void nonObjectElementsAndBodiesAreRejected() throws Exception {
        assertThat(errorFields("[" + event("a", "email", "3") + ", 42]")).containsExactly("[1]");
        assertThatThrownBy(() -> reader.read(json("\"hello\""))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> reader.read(json("[]"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> reader.read((String) null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void malformedJsonTextIsABadRequest() {
        assertThatThrownBy(() -> reader.read("{\"eventId\": ")).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("malformed JSON");
    }

    @Test
    void batchOverTheLimitIsTooLarge() throws Exception {
        ArrayNode batch = EventJson.mapper().createArrayNode();
        for (int i = 0; i < 4; i++) {
            batch.add(json(event("e" + i, "email", "5")));
        }
        assertThatThrownBy(() -> reader.read(batch)).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("at most 3");
    }
}

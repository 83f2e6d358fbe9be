package io.omnipulse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * CloudEvents at the front: the SDK reads the envelope, the attributes fill the canonical event, and
 * every refusal names the field where the request carries it, without repeating the value.
 */
class CloudEventReaderTest {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final PostingSources SOURCES = new PostingSources("key1", List.of("survey-tool", "crm"));

    final CloudEventReader reader = new CloudEventReader(new EventReader(
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(400), Duration.ofMinutes(5)), 3));

    /** A canonical NPS answer without eventId, source and occurredAt: the attributes give them. */
    static final String DATA = """
            {"type":"feedback","channel":"email","customer":{"email":"ann@example.com"},
             "feedback":{"metric":"nps","score":3}}""";

    static String structured(String id, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"survey-tool","type":"%s","time":"2025-03-01T11:00:00Z",
                 "datacontenttype":"application/json","traceparent":"00-abc-def-01","data":%s}"""
                .formatted(id, type, data);
    }

    static String structured(String id) {
        return structured(id, CloudEventReader.CONTACT_EVENT, DATA);
    }

    static Map<String, String> binaryHeaders(String id) {
        Map<String, String> headers = new HashMap<>(Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "crm",
                "ce-type", CloudEventReader.CONTACT_EVENT, "ce-time", "2025-03-01T10:00:00+01:00"));
        headers.put("Content-Type", "application/json");
        return headers;
    }

    @Test
    void structuredEventFillsEventIdSourceAndOccurredAtFromItsAttributes() {
        ContactEvent event = reader.structured(structured("ce-1"), SOURCES).get(0);

        assertThat(event.eventId()).isEqualTo("ce-1");
        assertThat(event.source()).isEqualTo("survey-tool");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-01T11:00:00Z"));
        assertThat(event.feedback().score()).isEqualTo(3);
    }

    @Test
    void batchIsReadInOrder() {
        List<ContactEvent> events = reader.batch("[" + structured("a") + "," + structured("b") + "]", SOURCES);

        assertThat(events).extracting(ContactEvent::eventId).containsExactly("a", "b");
    }

    @Test
    void binaryEventTakesItsAttributesFromTheHeadersAndItsDataFromTheBody() {
        ContactEvent event = reader.binary(binaryHeaders("ce-2"), DATA, SOURCES).get(0);

        assertThat(event.eventId()).isEqualTo("ce-2");
        assertThat(event.source()).isEqualTo("crm");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
    }

    @Test
    void dataThatGivesTheSameValuesAsTheAttributesIsAccepted() {
        String data = DATA.replace("{\"type\"", "{\"eventId\":\"ce-3\",\"source\":\"survey-tool\","
                + "\"occurredAt\":\"2025-03-01T11:00:00.000Z\",\"type\"");

        assertThat(reader.structured(structured("ce-3", CloudEventReader.CONTACT_EVENT, data), SOURCES))
                .extracting(ContactEvent::eventId).containsExactly("ce-3");
    }

    @Test
    void attributesThatDisagreeWithTheDataAreNamed() {
        String data = DATA.replace("{\"type\"", "{\"eventId\":\"other\",\"source\":\"crm\","
                + "\"occurredAt\":\"2025-03-01T11:30:00Z\",\"type\"");

        assertThat(errors(() -> reader.structured(structured("ce-4", CloudEventReader.CONTACT_EVENT, data), SOURCES)))
                .extracting(FieldError::field).containsExactly("id", "source", "time");
        assertThat(errors(() -> reader.binary(binaryHeaders("ce-4"), data, SOURCES)))
                .extracting(FieldError::field).containsExactly("ce-id", "ce-time");
    }

    @Test
    void unknownTypeIsNamedAndItsDataNotRead() {
        assertThat(errors(() -> reader.structured(structured("x", "com.example.order.v1", "{}"), SOURCES)))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("type");
                    assertThat(e.message()).contains(CloudEventReader.CONTACT_EVENT);
                });
    }

    @Test
    void wrongOrMissingSpecversionIsNamedInEveryMode() {
        assertThat(fields(() -> reader.structured(structured("x").replace("\"1.0\"", "\"0.9\""), SOURCES)))
                .containsExactly("specversion");
        assertThat(fields(() -> reader.structured(structured("x").replace("\"1.0\"", "\"0.3\""), SOURCES)))
                .containsExactly("specversion");
        Map<String, String> headers = binaryHeaders("x");
        headers.put("ce-specversion", "2.0");
        assertThat(fields(() -> reader.binary(headers, DATA, SOURCES))).containsExactly("ce-specversion");
        headers.remove("ce-specversion");
        assertThat(fields(() -> reader.binary(headers, DATA, SOURCES))).containsExactly("ce-specversion");
    }

    @Test
    void attributesTheSdkRefusesAreNamedWithoutRepeatingTheirValues() {
        assertThat(errors(() -> reader.structured(structured("x").replace("\"id\":\"x\",", ""), SOURCES)))
                .containsExactly(new FieldError("id", "is required"));
        assertThat(errors(() -> reader.structured(structured("x").replace("\"id\":\"x\"", "\"id\":7"), SOURCES)))
                .containsExactly(new FieldError("id", "must be a string"));
        List<FieldError> time = errors(() -> reader.structured(
                structured("x").replace("2025-03-01T11:00:00Z", "yesterday-at-ann@example.com"), SOURCES));
        assertThat(time).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("time");
            assertThat(e.message()).doesNotContain("ann@example.com");
        });
        assertThat(fields(() -> reader.structured(structured("x").replace("\"survey-tool\"", "\"a b\""), SOURCES)))
                .containsExactly("source");
        Map<String, String> headers = binaryHeaders("x");
        headers.put("ce-time", "soon");
        assertThat(fields(() -> reader.binary(headers, DATA, SOURCES))).containsExactly("ce-time");
    }

    @Test
    void dataErrorsAreNamedUnderData() {
        String data = DATA.replace("\"score\":3", "\"score\":11");

        assertThat(fields(() -> reader.structured(structured("x", CloudEventReader.CONTACT_EVENT, data), SOURCES)))
                .containsExactly("data.feedback.score");
        assertThat(fields(() -> reader.batch("[" + structured("a") + ","
                + structured("b", CloudEventReader.CONTACT_EVENT, data) + "," + structured("c", "wrong.type", DATA) + "]",
                SOURCES))).containsExactlyInAnyOrder("[1].data.feedback.score", "[2].type");
        assertThat(fields(() -> reader.binary(binaryHeaders("x"), data, SOURCES))).containsExactly("feedback.score");
        assertThat(fields(() -> reader.structured(structured("x", CloudEventReader.CONTACT_EVENT, "[1]"), SOURCES)))
                .containsExactly("data");
        assertThat(fields(() -> reader.structured(structured("x").replace(",\"data\":" + DATA, ""), SOURCES)))
                .containsExactly("data");
    }

    @Test
    void dataTheGateRefusesByValueIsNamedAsTheAttributeThatGaveIt() {
        String future = "2025-03-02T12:00:00Z";

        assertThat(fields(() -> reader.structured(structured("x").replace("2025-03-01T11:00:00Z", future), SOURCES)))
                .containsExactly("time");
        assertThat(fields(() -> reader.structured(structured("x").replace("\"survey-tool\"",
                "\"https://crm.example.com/" + "t".repeat(64) + "\""), SOURCES))).containsExactly("source");
    }

    @Test
    void aSourceTheKeyMayNotPostAsIsRefusedNamingTheAttribute() {
        assertThatThrownBy(() -> reader.structured(structured("x").replace("\"survey-tool\"", "\"someone-else\""), SOURCES))
                .isInstanceOfSatisfying(SourceNotAllowedException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("source"));
    }

    @Test
    void batchesAreBoundedAndStructuredModeTakesOneEvent() {
        assertThatThrownBy(() -> reader.batch("[" + structured("a") + "," + structured("b") + "," + structured("c") + ","
                + structured("d") + "]", SOURCES)).isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> reader.batch("[]", SOURCES)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> reader.structured("[" + structured("a") + "]", SOURCES))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(CloudEventReader.BATCH);
        assertThat(fields(() -> reader.batch("[" + structured("a") + ",7]", SOURCES))).containsExactly("[1]");
    }

    @Test
    void base64DataIsRefused() {
        String base64 = structured("x").replace("\"data\":" + DATA, "\"data_base64\":\"e30=\"");

        assertThat(fields(() -> reader.structured(base64, SOURCES))).containsExactly("data_base64");
    }

    private static List<String> fields(Supplier<?> read) {
        return errors(read).stream().map(FieldError::field).toList();
    }

    private static List<FieldError> errors(Supplier<?> read) {
        try {
            read.get();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
        throw new AssertionError("expected a 400");
    }
}

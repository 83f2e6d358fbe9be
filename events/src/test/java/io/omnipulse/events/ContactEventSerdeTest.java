package io.omnipulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ContactEventSerdeTest {

    private final Topic<String, ContactEvent> topic = Topics.CONTACT_EVENTS;

    @Test
    void feedbackRoundTripsWithLowerCaseEnumsAndIsoInstants() {
        ContactEvent event = new ContactEvent("e-1", "survey-tool", EventType.FEEDBACK, Channel.EMAIL,
                Instant.parse("2026-11-20T10:15:00Z"), new CustomerIds(null, "ann@example.com", null, null, null),
                "T-1", "a-12", "billing", null,
                new FeedbackDetails(Metric.CES, 2, new Scale(1, 5, false), "hard", "T-1"), null);

        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), event);
        String json = new String(bytes, StandardCharsets.UTF_8);

        assertThat(json).contains("\"type\":\"feedback\"", "\"channel\":\"email\"", "\"metric\":\"ces\"",
                "\"occurredAt\":\"2026-11-20T10:15:00Z\"").doesNotContain("ingestedAt");
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(event);
    }

    @Test
    void unknownEnumValueIsASerializationError() {
        byte[] bytes = "{\"eventId\":\"e\",\"channel\":\"fax\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> topic.valueSerde().deserializer().deserialize(topic.name(), bytes))
                .isInstanceOf(SerializationException.class)
                .hasStackTraceContaining("'fax' is not one of email, chat, social, call");
    }

    @Test
    void feedbackWithoutScaleUsesTheMetricDefault() {
        FeedbackDetails nps = new FeedbackDetails(Metric.NPS, 6, null, null, null);
        FeedbackDetails ces1 = new FeedbackDetails(Metric.CES, 4, new Scale(1, 5, null), null, null);

        assertThat(nps.effectiveScale()).isEqualTo(new Scale(0, 10, true));
        assertThat(ces1.effectiveScale()).isEqualTo(new Scale(1, 5, true));
    }

    @Test
    void everyCatalogTopicIsVersionedAndPartitionedForScaleOut() {
        assertThat(Topics.ALL).allSatisfy(t -> {
            assertThat(t.name()).matches("cx\\.[a-z-]+\\.v\\d+");
            assertThat(t.partitions()).isGreaterThanOrEqualTo(6);
        });
    }
}

package io.omnipulse.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The canonical event: one customer contact or one survey answer, as accepted by
 * {@code POST /v1/events} and published on {@link Topics#CONTACT_EVENTS}.
 *
 * @param eventId    idempotency key within {@code source}
 * @param occurredAt event time: when it happened, not when it arrived
 * @param ingestedAt set by ingest-service when Kafka acknowledged it; ignored if a client sends it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactEvent(
        String eventId,
        String source,
        EventType type,
        Channel channel,
        Instant occurredAt,
        CustomerIds customer,
        String conversationId,
        String agentId,
        String team,
        InteractionDetails interaction,
        FeedbackDetails feedback,
        Instant ingestedAt) {

    /** Deduplication key: an event is the same event when source and eventId are equal. */
    public String dedupKey() {
        return source + "/" + eventId;
    }

    @JsonIgnore
    public boolean isFeedback() {
        return type == EventType.FEEDBACK && feedback != null;
    }

    public ContactEvent withIngestedAt(Instant at) {
        return new ContactEvent(eventId, source, type, channel, occurredAt, customer, conversationId,
                agentId, team, interaction, feedback, at);
    }
}

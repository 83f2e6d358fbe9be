package io.omnipulse.alerting.messaging;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Topics;
import java.time.Instant;

/**
 * Publishes ContactEvents the way profile-service does on the resolved topic: catalog serdes, keyed by
 * customer id (for a customer never merged, the id ingest derives from its identifiers).
 */
final class ResolvedEventProducer implements AutoCloseable {

    private final TopicWriter<ContactEvent> writer = new TopicWriter<>(Topics.RESOLVED_EVENTS);

    /** Sends under the id ingest derives from the identifiers, and waits for the acknowledgement. */
    void send(ContactEvent event) {
        send(CustomerKeys.customerId(event.customer()), event);
    }

    /** Sends under the customer id identity resolution gave it (e.g. a survivor after a merge). */
    void send(String customerId, ContactEvent event) {
        writer.send(customerId, event);
    }

    /** Sends bytes that are not a ContactEvent, as a broken producer might. */
    void sendGarbage(String key, String value) {
        writer.sendGarbage(key, value);
    }

    static ContactEvent nps(String eventId, String email, Integer score, String comment, Instant occurredAt) {
        return feedback(eventId, email, Metric.NPS, score, comment, occurredAt);
    }

    /** An NPS answer whose customer is named by these identifiers (send it under the customer's resolved id). */
    static ContactEvent nps(String eventId, CustomerIds customer, Integer score, String comment, Instant occurredAt) {
        return feedback(eventId, customer, Metric.NPS, score, comment, occurredAt);
    }

    static ContactEvent feedback(String eventId, String email, Metric metric, Integer score, String comment,
            Instant occurredAt) {
        return feedback(eventId, new CustomerIds(null, email, null, null, null), metric, score, comment, occurredAt);
    }

    private static ContactEvent feedback(String eventId, CustomerIds customer, Metric metric, Integer score,
            String comment, Instant occurredAt) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, Channel.EMAIL, occurredAt, customer,
                "conv-" + eventId, "agent-7", "billing", null, new FeedbackDetails(metric, score, null, comment, null),
                Instant.now());
    }

    /** An NPS answer that names no team, from a customer with no contact: its alert is of no team. */
    static ContactEvent npsOfNoTeam(String eventId, String email, int score, String comment, Instant occurredAt) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, Channel.EMAIL, occurredAt,
                new CustomerIds(null, email, null, null, null), "conv-" + eventId, null, null, null,
                new FeedbackDetails(Metric.NPS, score, null, comment, null), Instant.now());
    }

    /** A contact (not an answer) in a conversation, handled by {@code team}. */
    static ContactEvent interaction(String eventId, String email, String conversationId, String team, int transfers,
            int waitSeconds, Instant occurredAt) {
        return new ContactEvent(eventId, "telephony", EventType.INTERACTION, Channel.CALL, occurredAt,
                new CustomerIds(null, email, null, null, null), conversationId, "agent-42", team,
                new InteractionDetails(Direction.INBOUND, InteractionStatus.RESOLVED, waitSeconds, 300, transfers,
                        "invoice", null),
                null, Instant.now());
    }

    /** An NPS answer that rates an earlier conversation. */
    static ContactEvent npsRating(String eventId, String email, int score, String comment, String rates,
            Instant occurredAt) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, Channel.EMAIL, occurredAt,
                new CustomerIds(null, email, null, null, null), "survey-" + eventId, null, "billing", null,
                new FeedbackDetails(Metric.NPS, score, null, comment, rates), Instant.now());
    }

    @Override
    public void close() {
        writer.close();
    }
}

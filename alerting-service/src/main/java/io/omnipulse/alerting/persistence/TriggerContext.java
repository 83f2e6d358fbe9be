package io.omnipulse.alerting.persistence;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.FeedbackDetails;
import java.time.Instant;

/**
 * What an alert remembers of the event that triggered it.
 *
 * @param customer the customer's identifiers as the event carried them (how to reach them); null for a
 *                 trigger that is not an event of the customer's
 */
public record TriggerContext(
        String source,
        String eventId,
        Instant occurredAt,
        String channel,
        String team,
        String agentId,
        String conversationId,
        Integer score,
        String comment,
        CustomerIds customer) {

    /**
     * Takes the context from a feedback event. The conversation is the one the answer rates when
     * the survey says so; a missing event time (ingest always sets one) falls back to arrival.
     */
    public static TriggerContext of(ContactEvent event, Instant now) {
        FeedbackDetails feedback = event.feedback();
        String rated = feedback == null ? null : feedback.ratesConversationId();
        Instant occurredAt = event.occurredAt() != null ? event.occurredAt()
                : event.ingestedAt() != null ? event.ingestedAt() : now;
        return new TriggerContext(
                event.source(),
                event.eventId(),
                occurredAt,
                event.channel() == null ? null : event.channel().wire(),
                event.team(),
                event.agentId(),
                rated != null ? rated : event.conversationId(),
                feedback == null ? null : feedback.score(),
                feedback == null ? null : feedback.comment(),
                event.customer());
    }

    /** A trigger that is not a survey answer (an effort index or a score update). */
    public static TriggerContext derived(String source, String eventId, Instant occurredAt, String channel,
            String team, Integer score, String comment) {
        return new TriggerContext(source, eventId, occurredAt, channel, team, null, null, score, comment, null);
    }
}

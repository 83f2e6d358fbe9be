package io.omnipulse.events;

import java.time.Instant;

/**
 * An alert was opened (the entity is {@code Alert} in alerting-service).
 *
 * @param scope          what the alert is about: customer, team or channel
 * @param key            the customer id, team name or channel
 * @param cause          e.g. DETRACTOR, HIGH_EFFORT, LOW_SATISFACTION, BEHAVIOURAL_EFFORT, NPS_DROP
 * @param reason         the rule that fired, in words
 * @param triggerSource  source of the event that triggered it (null for score-based alerts)
 * @param triggerEventId eventId of that event
 * @param occurredAt     event time of the trigger
 */
public record AlertRaised(
        long alertId,
        String scope,
        String key,
        String cause,
        String severity,
        String team,
        String reason,
        String triggerSource,
        String triggerEventId,
        Instant occurredAt,
        Instant at) implements AlertEvent {
}

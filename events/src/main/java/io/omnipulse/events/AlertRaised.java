package io.omnipulse.events;

import java.time.Instant;

/**
 * An alert was opened for a customer and cause, published on {@link Topics#ALERT_EVENTS}; the
 * stored entity is {@code Alert} in alerting-service.
 */
public record AlertRaised(
        long alertId,
        String customerId,
        String cause,
        String severity,
        String triggerEventId,
        String triggerSource,
        Channel channel,
        String team,
        String agentId,
        Integer score,
        String comment,
        Instant occurredAt,
        Instant raisedAt) {
}

package io.omnipulse.events;

import java.time.Instant;

/**
 * The alert now belongs to another customer: identity resolution found that its customer and
 * {@code toCustomerId} are one person ({@link CustomersMerged}), and the alert followed the survivor.
 *
 * @param reason what linked the two customers, e.g. the linking event
 */
public record AlertMoved(long alertId, String fromCustomerId, String toCustomerId, String reason, String actor,
        Instant at) implements AlertEvent {
}

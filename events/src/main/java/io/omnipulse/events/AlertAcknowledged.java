package io.omnipulse.events;

import java.time.Instant;

/** Someone took ownership of the follow-up. */
public record AlertAcknowledged(long alertId, String actor, Instant at) implements AlertEvent {
}

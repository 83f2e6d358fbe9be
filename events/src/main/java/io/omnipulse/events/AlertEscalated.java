package io.omnipulse.events;

import java.time.Instant;

/** A follow-up deadline passed: the alert's severity rose and it was notified again. */
public record AlertEscalated(long alertId, String severity, String reason, Instant at) implements AlertEvent {
}

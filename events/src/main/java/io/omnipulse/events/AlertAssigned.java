package io.omnipulse.events;

import java.time.Instant;

/** The follow-up was given to a person. */
public record AlertAssigned(long alertId, String assignee, String actor, Instant at) implements AlertEvent {
}

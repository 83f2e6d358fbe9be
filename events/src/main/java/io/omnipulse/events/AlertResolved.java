package io.omnipulse.events;

import java.time.Instant;

/** The loop was closed, with an outcome such as contacted, recovered or unreachable. */
public record AlertResolved(long alertId, String outcome, String note, String actor, Instant at)
        implements AlertEvent {
}

package io.omnipulse.alerting.persistence;

import java.time.Instant;

/** The stored customer context of an alert: JSON text as the services answered, either may be null. */
public record ContextSnapshot(String journeyJson, String scoresJson, Instant fetchedAt, String lastError) {
}

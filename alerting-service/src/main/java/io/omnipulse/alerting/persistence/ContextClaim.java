package io.omnipulse.alerting.persistence;

/** An alert the enrichment worker took on for one attempt, and which parts it already has. */
public record ContextClaim(long alertId, String customerId, int attempts, boolean hasJourney, boolean hasScores) {
}

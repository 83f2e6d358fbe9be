package io.omnipulse.alerting.persistence;

/**
 * An alert the enrichment worker took on for one attempt, and which parts it already has
 * ({@code hasProfile}: the profile's journey was stored, and its identifiers with it).
 */
public record ContextClaim(long alertId, String customerId, int attempts, boolean hasProfile, boolean hasScores) {
}

package io.omnipulse.scoring.rest;

import io.omnipulse.events.ScoreUpdated;
import java.util.Map;

/**
 * A customer's scores (scope customer) per window, keyed 7d, 30d, 90d, all, and their behavioural
 * effort index; {@code effort} is null before their first interaction.
 */
public record CustomerScores(String customerId, Map<String, ScoreUpdated> windows, EffortReport effort) {
}

package io.omnipulse.events;

import java.time.Instant;

/**
 * A scope's scores after an event changed them, published on {@link Topics#SCORE_UPDATES}.
 * Counts travel beside every score so that a reader can tell when n is too small to trust.
 *
 * @param scope  global, channel, team, agent or customer
 * @param key    the scope's key (e.g. {@code email} for scope channel; {@code all} for global)
 * @param window the trailing window, e.g. {@code all} for all time
 */
public record ScoreUpdated(
        String scope,
        String key,
        String window,
        Nps nps,
        Ces ces,
        Csat csat,
        Instant updatedAt) {

    /** NPS = 100 x (promoters - detractors) / n; null score when n is 0. */
    public record Nps(long promoters, long passives, long detractors, long n, Double score) {
    }

    /** Mean ease on the 0 (hardest) .. 100 (easiest) scale and the share of high-effort answers. */
    public record Ces(long n, Double meanEase, long highEffort, Double highEffortShare) {
    }

    /** CSAT% = 100 x (answers of 4 or 5) / n. */
    public record Csat(long n, long satisfied, Double percent) {
    }
}

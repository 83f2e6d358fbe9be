package io.omnipulse.events;

import java.time.Instant;

/**
 * A scope's scores after an event changed them, published on {@link Topics#SCORE_UPDATES}.
 * Counts travel beside every score so that a reader can tell when n is too small to trust.
 *
 * @param scope  global, channel, team, agent or customer
 * @param key    the scope's key (e.g. {@code email} for scope channel; {@code all} for global)
 * @param window the trailing event-time window: {@code 7d}, {@code 30d}, {@code 90d} or {@code all}
 */
public record ScoreUpdated(
        String scope,
        String key,
        String window,
        Nps nps,
        Ces ces,
        Csat csat,
        Instant updatedAt) {

    /**
     * The record key on {@link Topics#SCORE_UPDATES}: {@code scope:key:window}, e.g. {@code team:billing:7d}.
     * Scope and window never hold a colon (a key may), so a reader can pick a record by its key
     * without reading its value ({@link #scopeOfRecordKey}, {@link #windowOfRecordKey}).
     */
    public static String recordKey(String scope, String key, String window) {
        return scope + ':' + key + ':' + window;
    }

    /** The scope of a {@link #recordKey}; the whole text when it has no colon. */
    public static String scopeOfRecordKey(String recordKey) {
        int colon = recordKey.indexOf(':');
        return colon < 0 ? recordKey : recordKey.substring(0, colon);
    }

    /** The window of a {@link #recordKey}; the whole text when it has no colon. */
    public static String windowOfRecordKey(String recordKey) {
        return recordKey.substring(recordKey.lastIndexOf(':') + 1);
    }

    /**
     * NPS = 100 x (promoters - detractors) / n; null score when n is 0. {@code marginOfError95}:
     * half-width of the 95 % confidence interval in NPS points (null when n < 2).
     */
    public record Nps(long promoters, long passives, long detractors, long n, Double score, Double marginOfError95) {
    }

    /**
     * Mean ease on the 0 (hardest) .. 100 (easiest) scale; {@code highEffortShare} is a percentage
     * (0..100) of the answers, like {@code Csat.percent}.
     */
    public record Ces(long n, Double meanEase, long highEffort, Double highEffortShare) {
    }

    /** CSAT% = 100 x (answers of 4 or 5) / n. */
    public record Csat(long n, long satisfied, Double percent) {
    }
}

package io.omnipulse.scoring.domain;

import io.omnipulse.events.ScoreUpdated;

/** CSAT answers (1..5) and how many of them were satisfied (4 or 5). */
public record CsatCounts(long n, long satisfied) {

    public static final CsatCounts NONE = new CsatCounts(0, 0);

    static final int SATISFIED_FROM = 4;

    CsatCounts add(int score) {
        return new CsatCounts(n + 1, satisfied + (score >= SATISFIED_FROM ? 1 : 0));
    }

    CsatCounts plus(CsatCounts other) {
        return new CsatCounts(n + other.n, satisfied + other.satisfied);
    }

    CsatCounts minus(CsatCounts other) {
        return new CsatCounts(n - other.n, satisfied - other.satisfied);
    }

    /** CSAT% = 100 x satisfied / n; null when n is 0. */
    ScoreUpdated.Csat present() {
        return new ScoreUpdated.Csat(n, satisfied, Ratios.percent(satisfied, n));
    }
}

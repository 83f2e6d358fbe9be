package io.omnipulse.scoring.domain;

import io.omnipulse.events.ScoreUpdated;

/**
 * NPS answers by class. n is derived, so the three classes always add up to it.
 * Promoter 9-10, passive 7-8, detractor 0-6 (shared/cx-domain.md).
 */
public record NpsCounts(long promoters, long passives, long detractors) {

    public static final NpsCounts NONE = new NpsCounts(0, 0, 0);

    public long n() {
        return promoters + passives + detractors;
    }

    NpsCounts add(int score) {
        if (score >= 9) {
            return new NpsCounts(promoters + 1, passives, detractors);
        }
        if (score >= 7) {
            return new NpsCounts(promoters, passives + 1, detractors);
        }
        return new NpsCounts(promoters, passives, detractors + 1);
    }

    /** NPS = 100 x (promoters - detractors) / n, from -100 to +100; null when n is 0. */
    ScoreUpdated.Nps present() {
        long n = n();
        return new ScoreUpdated.Nps(promoters, passives, detractors, n, Ratios.percent(promoters - detractors, n));
    }
}

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

    NpsCounts plus(NpsCounts other) {
        return new NpsCounts(promoters + other.promoters, passives + other.passives, detractors + other.detractors);
    }

    NpsCounts minus(NpsCounts other) {
        return new NpsCounts(promoters - other.promoters, passives - other.passives, detractors - other.detractors);
    }

    /** NPS = 100 x (promoters - detractors) / n, from -100 to +100; null when n is 0. */
    ScoreUpdated.Nps present() {
        long n = n();
        return new ScoreUpdated.Nps(promoters, passives, detractors, n, Ratios.percent(promoters - detractors, n),
                marginOfError95());
    }

    /**
     * Half-width of the 95 % confidence interval of the NPS, in points: each answer is +100
     * (promoter), 0 or -100 (detractor), so the variance of one answer is
     * 100^2 x (p + d - (p - d)^2) with p and d the shares, and the margin is 1.96 x sqrt(variance / n).
     * Null below two answers, where no interval means anything.
     */
    public Double marginOfError95() {
        long n = n();
        if (n < 2) {
            return null;
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double variance = p + d - (p - d) * (p - d);
        return Ratios.round(1.96 * 100 * Math.sqrt(variance / n));
    }
}

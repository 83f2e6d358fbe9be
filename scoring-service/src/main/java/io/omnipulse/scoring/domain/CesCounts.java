package io.omnipulse.scoring.domain;

import io.omnipulse.events.Scale;
import io.omnipulse.events.ScoreUpdated;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * CES answers, normalised to one ease scale (0 = hardest, 100 = easiest) without losing exactness.
 *
 * <p>An answer's ease is linear over its own scale: {@code 100 * steps / range}, where range is
 * {@code max - min} and steps is how far the answer lies from the hardest end ({@code score - min}
 * when higher is better, as in CES 2.0; {@code max - score} when higher means more effort, as in
 * CES 1.0). Summing eases as doubles would drift (1/6 has no exact binary form) and depend on the
 * order of addition, so the tally keeps, per range, the exact integer sum of steps: those sums
 * are additive, and the mean is computed from them as one exact fraction, rounded only when shown.
 *
 * @param stepsByRange scale range (max - min) -> sum of steps of the answers given on such a scale
 */
public record CesCounts(long n, long highEffort, SortedMap<Integer, Long> stepsByRange) {

    public static final CesCounts NONE = new CesCounts(0, 0, null);

    public CesCounts {
        // A range whose steps sum to 0 adds nothing to the mean, so it is left out: one tally, one form,
        // whatever order its answers (and retractions) came in.
        TreeMap<Integer, Long> sums = new TreeMap<>();
        if (stepsByRange != null) {
            stepsByRange.forEach((range, steps) -> {
                if (steps != 0) {
                    sums.put(range, steps);
                }
            });
        }
        stepsByRange = Collections.unmodifiableSortedMap(sums);
    }

    /** Adds one answer; the caller has checked that the score lies on the scale and range > 0. */
    CesCounts add(int score, Scale scale) {
        int range = scale.max() - scale.min();
        int steps = Boolean.FALSE.equals(scale.higherIsBetter()) ? scale.max() - score : score - scale.min();
        TreeMap<Integer, Long> sums = new TreeMap<>(stepsByRange);
        sums.merge(range, (long) steps, Long::sum);
        return new CesCounts(n + 1, highEffort + (isHighEffort(steps, range) ? 1 : 0), sums);
    }

    /** The answers of both, still exact: sums of steps per range simply add up. */
    CesCounts plus(CesCounts other) {
        // Most day buckets and windows have no CES answers: adding none copies no map.
        if (other.isNone()) {
            return this;
        }
        if (isNone()) {
            return other;
        }
        TreeMap<Integer, Long> sums = new TreeMap<>(stepsByRange);
        other.stepsByRange.forEach((range, steps) -> sums.merge(range, steps, Long::sum));
        return new CesCounts(n + other.n, highEffort + other.highEffort, sums);
    }

    /** The answers of this one without those of {@code other}, which were counted in it. */
    CesCounts minus(CesCounts other) {
        if (other.isNone()) {
            return this;
        }
        TreeMap<Integer, Long> sums = new TreeMap<>(stepsByRange);
        other.stepsByRange.forEach((range, steps) -> sums.merge(range, -steps, Long::sum));
        return new CesCounts(n - other.n, highEffort - other.highEffort, sums);
    }

    /** No answers and nothing owed: what adding or taking out changes nothing. */
    private boolean isNone() {
        return n == 0 && highEffort == 0 && stepsByRange.isEmpty();
    }

    /**
     * High effort means ease below 50, i.e. the answer lies in the harder half of its scale; the
     * exact midpoint (ease 50) is neutral. CES 2.0 (1..7, 7 = easy): 1-3 are high effort, 4 is
     * neutral. CES 1.0 (1..5, 5 = very high effort): 4-5 are high effort, 3 is neutral. Compared
     * in integers ({@code 100*steps/range < 50  <=>  2*steps < range}) so no rounding can flip it.
     */
    static boolean isHighEffort(int steps, int range) {
        return 2L * steps < range;
    }

    /** Mean ease = (100 / n) x sum over ranges of (steps / range), as one exact fraction. */
    ScoreUpdated.Ces present() {
        return new ScoreUpdated.Ces(n, meanEase(), highEffort, Ratios.percent(highEffort, n));
    }

    /** In longs (any realistic tally), else as one BigInteger fraction when a product would overflow. */
    private Double meanEase() {
        try {
            long common = 1;
            for (int range : stepsByRange.keySet()) {
                common = Math.multiplyExact(common / gcd(common, range), range);
            }
            long numerator = 0;
            for (Map.Entry<Integer, Long> e : stepsByRange.entrySet()) {
                numerator = Math.addExact(numerator, Math.multiplyExact(e.getValue(), common / e.getKey()));
            }
            return Ratios.percent(numerator, Math.multiplyExact(common, n));
        } catch (ArithmeticException overflow) {
            return meanEaseInBigIntegers();
        }
    }

    private Double meanEaseInBigIntegers() {
        BigInteger common = BigInteger.ONE;
        for (int range : stepsByRange.keySet()) {
            BigInteger r = BigInteger.valueOf(range);
            common = common.divide(common.gcd(r)).multiply(r);
        }
        BigInteger numerator = BigInteger.ZERO;
        for (Map.Entry<Integer, Long> e : stepsByRange.entrySet()) {
            BigInteger factor = common.divide(BigInteger.valueOf(e.getKey()));
            numerator = numerator.add(BigInteger.valueOf(e.getValue()).multiply(factor));
        }
        return Ratios.percent(numerator, common.multiply(BigInteger.valueOf(n)));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return Math.abs(a);
    }
}

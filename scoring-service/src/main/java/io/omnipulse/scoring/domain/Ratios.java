package io.omnipulse.scoring.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The one place where exact counts become presented numbers. Division happens on exact integers
 * and rounds once, to one decimal, half away from zero, so -12.25 and 12.25 round symmetrically.
 */
final class Ratios {

    static final int DECIMALS = 1;

    private Ratios() {
    }

    /**
     * Below this a numerator's percentage is rounded in longs: 1000 x it, in tenths, stays below 2^52,
     * where a long converts to a double exactly. No count reaches it; beyond it BigDecimal does the work.
     */
    static final long EXACT_IN_LONGS = 1L << 40;

    /** 100 x numerator / denominator, rounded; null when there is nothing to divide by. */
    static Double percent(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        if (!exactInLongs(numerator) || !exactInLongs(denominator)) {
            return percent(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }
        // Called for every published window (several per response): the same rounding as the BigDecimal
        // path, half away from zero, without its allocations. Tenths / 10.0 is the double that
        // BigDecimal.doubleValue() gives for such a scale-1 value.
        long dividend = Math.abs(numerator) * 1000;
        long divisor = Math.abs(denominator);
        long tenths = dividend / divisor;
        long rest = dividend % divisor;
        if (rest >= divisor - rest) {
            tenths++;
        }
        return ((numerator < 0) != (denominator < 0) ? -tenths : tenths) / 10.0;
    }

    private static boolean exactInLongs(long value) {
        // Not Math.abs: that of Long.MIN_VALUE is negative.
        return -EXACT_IN_LONGS < value && value < EXACT_IN_LONGS;
    }

    static Double percent(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            return null;
        }
        return new BigDecimal(numerator.multiply(BigInteger.valueOf(100)))
                .divide(new BigDecimal(denominator), DECIMALS, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** A value that is already a statistic (not an exact ratio), rounded for presentation like the others. */
    static Double round(double value) {
        return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }
}

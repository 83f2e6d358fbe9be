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

    /** 100 x numerator / denominator, rounded; null when there is nothing to divide by. */
    static Double percent(long numerator, long denominator) {
        return percent(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
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

package io.omnipulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.ScoreUpdated;
import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Percentages rounded in longs are the very doubles that the BigDecimal rounding gives. */
class RatiosTest {

    @Test
    void roundingInLongsMatchesBigDecimalOnTiesSignsAndRandomCounts() {
        long[][] cases = {{1, 8}, {-1, 8}, {1, 16}, {-1, 16}, {3, 16}, {-3, -16}, {0, 5}, {0, -5}, {2, 3}, {-2, 3},
                {1, 3}, {5, 5}, {7, 0}, {Ratios.EXACT_IN_LONGS - 1, 1}, {-(Ratios.EXACT_IN_LONGS - 1), 7},
                {Ratios.EXACT_IN_LONGS, 3}, {Long.MIN_VALUE, 3}, {Long.MAX_VALUE, Long.MIN_VALUE}, {1, Long.MIN_VALUE}};
        for (long[] c : cases) {
            assertSameAsBigDecimal(c[0], c[1]);
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long denominator = 1 + random.nextInt(i % 2 == 0 ? 50 : 1_000_000);
            long numerator = random.nextLong() % (denominator + 1);
            assertSameAsBigDecimal(random.nextBoolean() ? numerator : -numerator, denominator);
        }
    }

    @Test
    void aCesMeanBeyondLongsIsStillExact() {
        Map<Integer, Long> steps = new TreeMap<>(Map.of(4, Long.MAX_VALUE / 3, 6, Long.MAX_VALUE / 5, 7, 1L));
        ScoreUpdated.Ces ces = new CesCounts(Long.MAX_VALUE / 16, 3, new TreeMap<>(steps)).present();

        BigInteger common = BigInteger.valueOf(84);
        BigInteger numerator = BigInteger.valueOf(Long.MAX_VALUE / 3).multiply(BigInteger.valueOf(21))
                .add(BigInteger.valueOf(Long.MAX_VALUE / 5).multiply(BigInteger.valueOf(14))).add(BigInteger.valueOf(12));
        assertThat(ces.meanEase()).isEqualTo(
                Ratios.percent(numerator, common.multiply(BigInteger.valueOf(Long.MAX_VALUE / 16))));
    }

    private static void assertSameAsBigDecimal(long numerator, long denominator) {
        assertThat(Ratios.percent(numerator, denominator)).as("%d / %d", numerator, denominator)
                .isEqualTo(Ratios.percent(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator)));
    }
}

package io.omnipulse.alerting.domain;

import io.omnipulse.events.Scale;

/**
 * The shared CES ease scale (cx-domain.md): 0 = hardest .. 100 = easiest, linear over the
 * response's own scale and direction, so CES 1.0 and CES 2.0 answers compare.
 */
public final class Ease {

    private Ease() {
    }

    /** The ease of {@code score} on {@code scale}; NaN when the scale is unusable or the score outside it. */
    public static double of(int score, Scale scale) {
        if (scale == null || scale.min() == null || scale.max() == null || scale.max() <= scale.min()
                || !scale.contains(score)) {
            return Double.NaN;
        }
        double span = scale.max() - scale.min();
        boolean higherIsBetter = scale.higherIsBetter() == null || scale.higherIsBetter();
        return higherIsBetter ? 100.0 * (score - scale.min()) / span : 100.0 * (scale.max() - score) / span;
    }
}

package io.omnipulse.ingest.domain;

import static io.omnipulse.events.FieldLimits.CES_MIN_SPAN;
import static io.omnipulse.events.FieldLimits.CES_SCALE_MAX;
import static io.omnipulse.events.FieldLimits.CES_SCALE_MIN;

import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import java.util.Objects;

/**
 * Which answer scale a survey response may state: NPS and CSAT only restate their fixed one; CES a
 * known scale (FieldLimits.KNOWN_CES_SCALES) or a custom span within bounds, checked before any
 * arithmetic so that scoring's sums and common denominators stay small and exact.
 */
final class ScaleRules {

    private ScaleRules() {
    }

    /** False, with the reason added to {@code errors}, when {@code stated} is not allowed for {@code metric}. */
    static boolean check(FieldErrors errors, Metric metric, Scale stated) {
        return metric.allowsCustomScale() ? customScaleOk(errors, stated) : fixedScaleOk(errors, metric, stated);
    }

    private static boolean fixedScaleOk(FieldErrors errors, Metric metric, Scale stated) {
        Scale fixed = metric.defaultScale();
        boolean differs = !Objects.equals(stated.min(), fixed.min()) || !Objects.equals(stated.max(), fixed.max())
                || (stated.higherIsBetter() != null && !stated.higherIsBetter().equals(fixed.higherIsBetter()));
        if (differs) {
            errors.add("feedback.scale", metric.wire() + " always uses " + fixed.min() + ".." + fixed.max()
                    + ", higher is better; leave scale out");
        }
        return !differs;
    }

    /** A known CES scale passes these bounds too; the bounds keep custom ones small enough for exact maths. */
    private static boolean customScaleOk(FieldErrors errors, Scale stated) {
        if (stated.min() == null || stated.max() == null) {
            errors.add("feedback.scale", "needs both min and max");
            return false;
        }
        boolean ok = true;
        if (stated.min() < CES_SCALE_MIN || stated.min() > CES_SCALE_MAX) {
            errors.add("feedback.scale.min", "must lie within " + CES_SCALE_MIN + ".." + CES_SCALE_MAX);
            ok = false;
        }
        if (stated.max() < CES_SCALE_MIN || stated.max() > CES_SCALE_MAX) {
            errors.add("feedback.scale.max", "must lie within " + CES_SCALE_MIN + ".." + CES_SCALE_MAX);
            ok = false;
        }
        // Both are within 0..100 here, so the subtraction cannot overflow.
        if (ok && stated.max() - stated.min() < CES_MIN_SPAN) {
            errors.add("feedback.scale", "max must exceed min by at least " + CES_MIN_SPAN
                    + " (known scales: 1..5, 1..7, 1..10)");
            ok = false;
        }
        return ok;
    }
}

package io.omnipulse.alerting.domain;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import java.util.Locale;
import java.util.Optional;

/**
 * A CES answer whose ease (0..100 on its own scale and direction) is below {@code easeBelow} (50)
 * is high effort: CES 2.0 answers 1-3, CES 1.0 answers 4-5. Below {@code criticalEaseBelow} (20)
 * it is critical (CES 2.0 answers 1-2, CES 1.0 answer 5).
 */
public final class HighEffortRule implements AlertRule {

    private final double easeBelow;
    private final double criticalEaseBelow;

    public HighEffortRule(double easeBelow, double criticalEaseBelow) {
        if (criticalEaseBelow > easeBelow) {
            throw new IllegalArgumentException("critical-ease-below (" + criticalEaseBelow
                    + ") must not exceed ease-below (" + easeBelow + ")");
        }
        this.easeBelow = easeBelow;
        this.criticalEaseBelow = criticalEaseBelow;
    }

    @Override
    public Optional<AlertDecision> evaluate(ContactEvent event) {
        if (event == null || !event.isFeedback()) {
            return Optional.empty();
        }
        FeedbackDetails feedback = event.feedback();
        if (feedback.metric() != Metric.CES || !feedback.answered()) {
            return Optional.empty();
        }
        double ease = Ease.of(feedback.score(), feedback.effectiveScale());
        // NaN (bad scale, score outside it) compares false: bad data opens nothing.
        if (!(ease < easeBelow)) {
            return Optional.empty();
        }
        AlertSeverity severity = ease < criticalEaseBelow ? AlertSeverity.CRITICAL : AlertSeverity.HIGH;
        String reason = String.format(Locale.ROOT, "high effort: CES %d is ease %.0f of 100, below %.0f",
                feedback.score(), ease, easeBelow);
        return Optional.of(new AlertDecision(AlertCause.HIGH_EFFORT, severity, reason));
    }
}

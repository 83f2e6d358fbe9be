package io.omnipulse.alerting.domain;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import java.util.Optional;

/**
 * An answer on a metric with one fixed scale (NPS 0..10, CSAT 1..5) at or below a threshold opens
 * an alert: critical at or below {@code criticalMax}, high above. Skipped questions, other metrics
 * and scores outside the scale (bad data, not unhappy customers) open nothing.
 */
abstract class FixedScaleRule implements AlertRule {

    private final Metric metric;
    private final AlertCause cause;
    private final String label;
    private final int max;
    private final int criticalMax;

    FixedScaleRule(Metric metric, AlertCause cause, String label, String maxName, int max, int criticalMax) {
        if (criticalMax > max) {
            throw new IllegalArgumentException("critical-max (" + criticalMax + ") must not exceed " + maxName
                    + " (" + max + ")");
        }
        this.metric = metric;
        this.cause = cause;
        this.label = label;
        this.max = max;
        this.criticalMax = criticalMax;
    }

    @Override
    public Optional<AlertDecision> evaluate(ContactEvent event) {
        if (event == null || !event.isFeedback()) {
            return Optional.empty();
        }
        FeedbackDetails feedback = event.feedback();
        if (feedback.metric() != metric || !feedback.answered()) {
            return Optional.empty();
        }
        int score = feedback.score();
        if (!metric.defaultScale().contains(score) || score > max) {
            return Optional.empty();
        }
        AlertSeverity severity = score <= criticalMax ? AlertSeverity.CRITICAL : AlertSeverity.HIGH;
        return Optional.of(new AlertDecision(cause, severity, label + ": " + metric.wire().toUpperCase()
                + " " + score + " of " + metric.defaultScale().max() + ", at most " + max));
    }
}

package io.omnipulse.alerting.domain;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import java.util.Optional;

/** A CSAT answer of at most {@code lowMax} (2) is low satisfaction; critical up to {@code criticalMax} (1). */
public final class LowSatisfactionRule implements AlertRule {

    private final int lowMax;
    private final int criticalMax;

    public LowSatisfactionRule(int lowMax, int criticalMax) {
        if (criticalMax > lowMax) {
            throw new IllegalArgumentException("critical-max (" + criticalMax + ") must not exceed low-max ("
                    + lowMax + ")");
        }
        this.lowMax = lowMax;
        this.criticalMax = criticalMax;
    }

    @Override
    public Optional<AlertDecision> evaluate(ContactEvent event) {
        if (event == null || !event.isFeedback()) {
            return Optional.empty();
        }
        FeedbackDetails feedback = event.feedback();
        if (feedback.metric() != Metric.CSAT || !feedback.answered()) {
            return Optional.empty();
        }
        int score = feedback.score();
        if (!Metric.CSAT.defaultScale().contains(score) || score > lowMax) {
            return Optional.empty();
        }
        AlertSeverity severity = score <= criticalMax ? AlertSeverity.CRITICAL : AlertSeverity.HIGH;
        return Optional.of(new AlertDecision(AlertCause.LOW_SATISFACTION, severity,
                "low satisfaction: CSAT " + score + " of 5, at most " + lowMax));
    }
}

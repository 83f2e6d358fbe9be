package io.omnipulse.alerting.domain;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import java.util.Optional;

/**
 * An NPS answer of at most {@code detractorMax} (6) is a detractor: critical up to
 * {@code criticalMax} (3), high above. Promoters, passives, skipped questions (no score), scores
 * outside 0..10 and other metrics open nothing.
 */
public final class DetractorRule implements AlertRule {

    private final int detractorMax;
    private final int criticalMax;

    public DetractorRule(int detractorMax, int criticalMax) {
        if (criticalMax > detractorMax) {
            throw new IllegalArgumentException("critical-max (" + criticalMax
                    + ") must not exceed detractor-max (" + detractorMax + ")");
        }
        this.detractorMax = detractorMax;
        this.criticalMax = criticalMax;
    }

    @Override
    public Optional<AlertDecision> evaluate(ContactEvent event) {
        if (event == null || !event.isFeedback()) {
            return Optional.empty();
        }
        FeedbackDetails feedback = event.feedback();
        if (feedback.metric() != Metric.NPS || !feedback.answered()) {
            return Optional.empty();
        }
        int score = feedback.score();
        // NPS has one fixed scale; an out-of-range score is bad data, not a detractor.
        if (!Metric.NPS.defaultScale().contains(score) || score > detractorMax) {
            return Optional.empty();
        }
        AlertSeverity severity = score <= criticalMax ? AlertSeverity.CRITICAL : AlertSeverity.HIGH;
        return Optional.of(new AlertDecision(AlertCause.DETRACTOR, severity,
                "detractor: NPS " + score + " of 10, at most " + detractorMax));
    }
}

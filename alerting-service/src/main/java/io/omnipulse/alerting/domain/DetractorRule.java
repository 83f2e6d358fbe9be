package io.omnipulse.alerting.domain;

import io.omnipulse.events.Metric;

/** An NPS answer of at most {@code detractorMax} (6) is a detractor: critical up to {@code criticalMax} (3). */
public final class DetractorRule extends FixedScaleRule {

    public DetractorRule(int detractorMax, int criticalMax) {
        super(Metric.NPS, AlertCause.DETRACTOR, "detractor", "detractor-max", detractorMax, criticalMax);
    }
}

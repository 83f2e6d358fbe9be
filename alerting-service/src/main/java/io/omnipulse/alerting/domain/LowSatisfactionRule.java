package io.omnipulse.alerting.domain;

import io.omnipulse.events.Metric;

/** A CSAT answer of at most {@code lowMax} (2) is low satisfaction; critical up to {@code criticalMax} (1). */
public final class LowSatisfactionRule extends FixedScaleRule {

    public LowSatisfactionRule(int lowMax, int criticalMax) {
        super(Metric.CSAT, AlertCause.LOW_SATISFACTION, "low satisfaction", "low-max", lowMax, criticalMax);
    }
}

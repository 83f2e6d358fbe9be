package io.omnipulse.alerting.domain;

import io.omnipulse.events.EffortIndexUpdated;
import java.util.Optional;

/**
 * A behavioural effort index (0..100) above {@code above} (70) flags a customer who had to fight
 * for help, whether or not they answered a survey; above {@code criticalAbove} (90) it is HIGH,
 * else MEDIUM (an inference, not the customer's own words).
 */
public final class BehaviouralEffortRule {

    private final int above;
    private final int criticalAbove;

    public BehaviouralEffortRule(int above, int criticalAbove) {
        if (criticalAbove < above) {
            throw new IllegalArgumentException("high-above (" + criticalAbove + ") must not be below above ("
                    + above + ")");
        }
        this.above = above;
        this.criticalAbove = criticalAbove;
    }

    public Optional<AlertDecision> evaluate(EffortIndexUpdated update) {
        if (update == null || update.customerId() == null || update.index() <= above || update.index() > 100) {
            return Optional.empty();
        }
        AlertSeverity severity = update.index() > criticalAbove ? AlertSeverity.HIGH : AlertSeverity.MEDIUM;
        String drivers = update.drivers() == null || update.drivers().isEmpty() ? ""
                : " (" + String.join(", ", update.drivers()) + ")";
        return Optional.of(new AlertDecision(AlertCause.BEHAVIOURAL_EFFORT, severity,
                "behavioural effort index " + update.index() + " above " + above + drivers));
    }
}

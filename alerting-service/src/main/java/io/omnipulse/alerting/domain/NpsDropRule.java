package io.omnipulse.alerting.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * A team's or channel's 7-day NPS that is at least {@code dropPoints} below its 30-day value is a
 * drop; {@code criticalDropPoints} or more is critical. Both windows need {@code minN} answers, so
 * that two unhappy answers do not page anyone.
 */
public final class NpsDropRule {

    private final double dropPoints;
    private final double criticalDropPoints;
    private final long minN;

    public NpsDropRule(double dropPoints, double criticalDropPoints, long minN) {
        if (dropPoints <= 0 || criticalDropPoints < dropPoints || minN < 1) {
            throw new IllegalArgumentException("need 0 < drop-points <= critical-drop-points and min-n >= 1");
        }
        this.dropPoints = dropPoints;
        this.criticalDropPoints = criticalDropPoints;
        this.minN = minN;
    }

    public Optional<AlertDecision> evaluate(NpsWindow sevenDay, NpsWindow thirtyDay) {
        if (!usable(sevenDay) || !usable(thirtyDay)) {
            return Optional.empty();
        }
        double drop = thirtyDay.score() - sevenDay.score();
        if (drop < dropPoints) {
            return Optional.empty();
        }
        AlertSeverity severity = drop >= criticalDropPoints ? AlertSeverity.CRITICAL : AlertSeverity.HIGH;
        String reason = String.format(Locale.ROOT, "NPS drop: 7d %.1f (n=%d) is %.1f points below 30d %.1f (n=%d)",
                sevenDay.score(), sevenDay.n(), drop, thirtyDay.score(), thirtyDay.n());
        return Optional.of(new AlertDecision(AlertCause.NPS_DROP, severity, reason));
    }

    private boolean usable(NpsWindow window) {
        return window != null && window.score() != null && window.n() >= minN;
    }
}

package io.omnipulse.alerting.domain;

/** How urgent an alert is. Declared from least to most severe: the order is the ranking. */
public enum AlertSeverity {
    MEDIUM,
    HIGH,
    CRITICAL;

    public boolean isMoreSevereThan(AlertSeverity other) {
        return other == null || compareTo(other) > 0;
    }

    /** The more severe of two; an alert's severity is only ever raised by later triggers. */
    public static AlertSeverity max(AlertSeverity a, AlertSeverity b) {
        return a.isMoreSevereThan(b) ? a : b;
    }

    /** One step up, as an escalation does; CRITICAL stays CRITICAL. */
    public AlertSeverity raised() {
        AlertSeverity[] all = values();
        return all[Math.min(ordinal() + 1, all.length - 1)];
    }
}

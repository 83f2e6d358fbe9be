package io.omnipulse.alerting.domain;

/**
 * Where an alert stands in the closed loop (cx-domain.md): open, acknowledged, resolved, or
 * escalated when its follow-up deadline passed. Alerts are opened as {@link #OPEN}; the
 * transitions are not implemented yet. Every status but {@link #RESOLVED} counts as unresolved
 * for "one alert per customer and cause".
 */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED,
    ESCALATED
}

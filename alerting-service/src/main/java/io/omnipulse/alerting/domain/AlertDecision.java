package io.omnipulse.alerting.domain;

import java.util.Objects;

/**
 * A rule's verdict that a signal calls for an alert: for which cause, how urgently, and why in
 * words (the rule that fired and its threshold), so that the alert explains itself.
 */
public record AlertDecision(AlertCause cause, AlertSeverity severity, String reason) {

    public AlertDecision {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
    }
}

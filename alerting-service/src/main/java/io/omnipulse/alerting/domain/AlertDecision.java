package io.omnipulse.alerting.domain;

import java.util.Objects;

/** A rule's verdict that an event calls for an alert: for which cause and how urgently. */
public record AlertDecision(AlertCause cause, AlertSeverity severity) {

    public AlertDecision {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(severity, "severity");
    }
}

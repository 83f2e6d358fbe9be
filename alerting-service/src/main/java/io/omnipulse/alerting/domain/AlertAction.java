package io.omnipulse.alerting.domain;

/** What a person or the deadline scheduler can do to an alert. */
public enum AlertAction {
    ACKNOWLEDGE,
    ASSIGN,
    ESCALATE,
    RESOLVE,
    NOTE
}

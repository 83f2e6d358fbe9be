package io.omnipulse.alerting.domain;

/** Why an alert was opened; there is at most one unresolved alert per customer and cause. */
public enum AlertCause {
    /** An NPS answer of 0..6. */
    DETRACTOR
}

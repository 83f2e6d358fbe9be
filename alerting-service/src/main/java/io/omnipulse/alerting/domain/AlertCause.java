package io.omnipulse.alerting.domain;

/** Why an alert was opened; there is at most one unresolved alert per subject and cause. */
public enum AlertCause {
    /** An NPS answer of 0..6. */
    DETRACTOR,
    /** A CES answer in the high-effort band of its own convention (ease below 50). */
    HIGH_EFFORT,
    /** A CSAT answer of 1..2. */
    LOW_SATISFACTION,
    /** A behavioural effort index above the threshold, survey or not. */
    BEHAVIOURAL_EFFORT,
    /** A team's or channel's 7-day NPS fell against its 30-day value. */
    NPS_DROP
}

package io.omnipulse.alerting.service;

/** What handling one event did. */
public enum Outcome {
    /** A new alert was opened with this event as its first trigger. */
    OPENED,
    /** The event fed the customer's unresolved alert for the same cause. */
    ATTACHED,
    /** The event was stored before (same source and eventId): nothing changed. */
    DUPLICATE,
    /**
     * A team's or channel's NPS drop seen again that its unresolved alert already shows, neither
     * deeper nor more severe, within the repeat interval, or that a lead resolved within the week
     * before (OngoingDrop): nothing stored.
     */
    UNCHANGED,
    /** No rule fired, or the event cannot be tied to a customer or deduplicated. */
    IGNORED,
    /** The customer was erased after the event was ingested: it belongs to what was erased (ErasureService). */
    ERASED
}

package io.omnipulse.alerting.domain;

/** How the loop was closed. */
public enum ResolutionOutcome {
    /** Someone spoke to the customer. */
    CONTACTED,
    /** Spoke to them and fixed it: the customer is won back. */
    RECOVERED,
    /** Tried, could not reach them. */
    UNREACHABLE,
    /** No follow-up needed (e.g. a test answer or a duplicate). */
    NO_ACTION;

    /** Whether the customer was actually reached: the closed-loop KPI counts these. */
    public boolean reachedCustomer() {
        return this == CONTACTED || this == RECOVERED;
    }
}

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
    NO_ACTION,
    /**
     * Set by the system, never by a person: the customer merged into another whose alert of the
     * same cause now carries this one's triggers. Not a follow-up, so the closed-loop KPIs leave
     * it out (the surviving alert is the one that counts).
     */
    MERGED;

    /** Whether the customer was actually reached: the closed-loop KPI counts these. */
    public boolean reachedCustomer() {
        return this == CONTACTED || this == RECOVERED;
    }

    /** Whether a person may close an alert with this outcome (MERGED is the merge's own). */
    public boolean chosenByPerson() {
        return this != MERGED;
    }
}

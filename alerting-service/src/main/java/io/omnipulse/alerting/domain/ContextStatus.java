package io.omnipulse.alerting.domain;

/** Where the customer context (recent journey and scores) of an alert stands. */
public enum ContextStatus {
    /** Not a customer alert (team or channel): there is no customer journey to attach. */
    NONE,
    /** Enrichment is off: neither profile-service nor scoring-service is configured. */
    DISABLED,
    /** Waiting for the enrichment worker (first attempt or a retry). */
    PENDING,
    /** Every configured part was fetched. */
    FETCHED,
    /** The attempts ran out; whatever part was fetched is kept. */
    UNAVAILABLE,
    /** The customer was erased: what was fetched is deleted, and nothing is fetched again. */
    ERASED
}

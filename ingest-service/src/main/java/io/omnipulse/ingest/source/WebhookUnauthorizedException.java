package io.omnipulse.ingest.source;

/** A vendor webhook whose signature is missing, wrong or stale: answered 401, nothing is read. */
public class WebhookUnauthorizedException extends RuntimeException {

    /** @param reason what was wrong, in words safe to return (never the expected signature) */
    public WebhookUnauthorizedException(String reason) {
        super(reason);
    }
}

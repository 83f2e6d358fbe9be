package io.omnipulse.ingest.domain;

/** The caller's API key posted more events than its rate limit allows: 429, nothing published. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super("this API key posted more events than its rate limit allows; nothing of this request was stored");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package io.omnipulse.queries;

import jakarta.ws.rs.ServiceUnavailableException;

/**
 * A store cannot answer now: the application is starting, restoring or rebalancing, or the owning
 * instance did not answer. Temporary by nature: {@link NotQueryableMapper} answers 503 with
 * Retry-After. A {@link ServiceUnavailableException}, so code outside a resource sees what it is.
 */
public class StoreNotQueryableException extends ServiceUnavailableException {

    private final Long retryAfterSeconds;

    /** Retry-After is the service's {@link QuerySettings#retryAfterSeconds()}, added by the mapper. */
    public StoreNotQueryableException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public StoreNotQueryableException(String message, Long retryAfterSeconds, Throwable cause) {
        super(message, retryAfterSeconds, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The Retry-After this exception was raised with; null to use the service's. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package io.omnipulse.profile.streams;

/**
 * A store cannot answer yet: the application is starting, restoring or rebalancing. Temporary by
 * nature, so callers should retry shortly rather than treat it as an error.
 */
public class StoreNotReadyException extends RuntimeException {

    public StoreNotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}

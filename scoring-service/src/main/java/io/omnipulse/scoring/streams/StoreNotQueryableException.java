package io.omnipulse.scoring.streams;

/** The tallies cannot be read right now (starting, rebalancing, owner unreachable); retrying later helps. */
public class StoreNotQueryableException extends RuntimeException {

    public StoreNotQueryableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.omnipulse.alerting.rest;

/** A live stream refused before it opened: its subject, or this instance, has as many open as allowed. */
public class TooManyStreamsException extends RuntimeException {

    public TooManyStreamsException(String detail) {
        super(detail);
    }
}

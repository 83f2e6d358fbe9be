package io.omnipulse.alerting.messaging;

/** An input record that parsed but cannot be true (or cannot be stored): always permanent. */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }
}

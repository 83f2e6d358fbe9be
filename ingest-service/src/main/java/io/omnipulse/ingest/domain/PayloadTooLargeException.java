package io.omnipulse.ingest.domain;

/** A request carries more than the service accepts at once; answered with 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}

package io.omnipulse.ingest.messaging;

/** More events are waiting for Kafka than {@link InFlightEvents} allows; answered with 503 and a short Retry-After. */
public class IngestOverloadedException extends RuntimeException {

    public IngestOverloadedException(String message) {
        super(message);
    }
}

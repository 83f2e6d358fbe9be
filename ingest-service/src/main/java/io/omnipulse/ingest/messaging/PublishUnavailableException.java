package io.omnipulse.ingest.messaging;

/** Kafka did not acknowledge in time (down, unreachable or too slow); answered with 503 and Retry-After. */
public class PublishUnavailableException extends RuntimeException {

    public PublishUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

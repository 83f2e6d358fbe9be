package io.omnipulse.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Business and publishing settings of ingest-service. */
@ConfigMapping(prefix = "omnipulse.ingest")
public interface IngestConfig {

    /** Most events one POST /v1/events may carry; more is answered with 413. */
    @WithDefault("500")
    int maxBatchSize();

    /** How far in the future occurredAt may lie, to tolerate clock drift between systems. */
    @WithDefault("5M")
    Duration maxFutureSkew();

    Publish publish();

    /** Bounds on how long a request waits for Kafka before it is answered with 503. */
    interface Publish {

        /** Longest a send may block waiting for metadata or buffer space (max.block.ms). */
        @WithDefault("5S")
        Duration maxBlock();

        /** Longest the producer waits for one broker response (request.timeout.ms). */
        @WithDefault("3S")
        Duration requestTimeout();

        /** Upper bound for a record to be acknowledged, retries included (delivery.timeout.ms); must be >= requestTimeout. */
        @WithDefault("5S")
        Duration deliveryTimeout();

        /** Retry-After sent with a 503 when Kafka did not acknowledge in time. */
        @WithDefault("5S")
        Duration retryAfter();
    }
}

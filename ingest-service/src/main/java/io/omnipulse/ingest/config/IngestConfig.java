package io.omnipulse.ingest.config;

import io.omnipulse.events.CustomerKeys;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/** Business and publishing settings of ingest-service. */
@ConfigMapping(prefix = "omnipulse.ingest")
public interface IngestConfig {

    /** Most events one POST /v1/events may carry; more is answered with 413. */
    @WithDefault("500")
    int maxBatchSize();

    /** How far in the future occurredAt may lie, to tolerate clock drift between systems. */
    @WithDefault("5M")
    Duration maxFutureSkew();

    /**
     * How far in the past occurredAt may lie. Older events would land in score windows long closed
     * (and a year -5000 breaks consumers' date maths); 400 days covers a yearly survey sent late.
     */
    @WithDefault("400D")
    Duration maxEventAge();

    /**
     * ISO 3166 region of phone numbers written without a calling code, for record keys. Must equal
     * profile-service's omnipulse.profile.identity.default-region. An unknown code stops start-up.
     */
    @WithDefault(CustomerKeys.DEFAULT_REGION)
    @WithConverter(RegionConverter.class)
    String defaultRegion();

    Publish publish();

    RateLimit rateLimit();

    /**
     * Events per second each API key may post (a batch costs its events), per instance; beyond it a
     * request is answered 429 with Retry-After and nothing of it is published. Against a runaway or
     * looping source, so set well above what a source sends at its busiest.
     */
    interface RateLimit {

        @WithDefault("50000")
        long eventsPerSecond();

        /** Events a key may save up and post at once after a quiet spell; at least events-per-second. */
        @WithDefault("100000")
        long burst();
    }

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

        /**
         * Most events sent to Kafka and not yet acknowledged, over all requests; a request that would
         * pass it is answered 503 at once (load shedding, {@code InFlightEvents}).
         */
        @WithDefault("10000")
        int maxInFlightEvents();

        /** Retry-After sent with a 503 for load shedding: the backlog clears within moments. */
        @WithDefault("1S")
        Duration overloadRetryAfter();
    }

    /** Fails config loading, and so start-up, naming the property, when libphonenumber does not know the region. */
    final class RegionConverter implements Converter<String> {

        @Override
        public String convert(String value) {
            return CustomerKeys.region(value);
        }
    }
}

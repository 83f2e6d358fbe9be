package io.omnipulse.ingest.config;

import io.omnipulse.ingest.domain.CloudEventReader;
import io.omnipulse.ingest.domain.EventReader;
import io.omnipulse.ingest.domain.EventValidator;
import io.omnipulse.ingest.messaging.RecordKeys;
import io.omnipulse.security.CallerRateLimits;
import io.omnipulse.security.CustomerIdKey;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain domain classes, which stay free of CDI so plain JUnit can build them. */
public class IngestBeans {

    /** One clock for validation and ingestedAt. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    EventValidator validator(Clock clock, IngestConfig config) {
        return new EventValidator(clock, config.maxEventAge(), config.maxFutureSkew());
    }

    @Produces
    @Singleton
    EventReader reader(EventValidator validator, IngestConfig config) {
        return new EventReader(validator, config.maxBatchSize());
    }

    @Produces
    @Singleton
    CloudEventReader cloudEventReader(EventReader reader) {
        return new CloudEventReader(reader);
    }

    @Produces
    @Singleton
    CallerRateLimits rateLimits(IngestConfig config) {
        return new CallerRateLimits(config.rateLimit().eventsPerSecond(), config.rateLimit().burst());
    }

    /** At start-up, so that a deployment without its customer-id key stops there, not at the first POST. */
    @Produces
    @Singleton
    @Startup
    RecordKeys recordKeys(IngestConfig config, CustomerIdKey customerIdKey) {
        return new RecordKeys(config.defaultRegion());
    }
}

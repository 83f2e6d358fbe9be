package io.omnipulse.ingest.config;

import io.omnipulse.ingest.domain.EventReader;
import io.omnipulse.ingest.domain.EventValidator;
import io.omnipulse.ingest.messaging.RecordKeys;
import io.omnipulse.security.CallerRateLimits;
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
    CallerRateLimits rateLimits(IngestConfig config) {
        return new CallerRateLimits(config.rateLimit().eventsPerSecond(), config.rateLimit().burst());
    }

    @Produces
    @Singleton
    RecordKeys recordKeys(IngestConfig config) {
        return new RecordKeys(config.defaultRegion());
    }
}

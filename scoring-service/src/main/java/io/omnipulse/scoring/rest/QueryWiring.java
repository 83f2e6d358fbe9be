package io.omnipulse.scoring.rest;

import io.omnipulse.queries.QuerySettings;
import io.omnipulse.scoring.config.ScoringConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** scoring-service's settings for the shared interactive-query module, from omnipulse.scoring.*. */
public class QueryWiring {

    @Produces
    @Singleton
    QuerySettings querySettings(ScoringConfig config) {
        return of(config);
    }

    static QuerySettings of(ScoringConfig config) {
        return new QuerySettings(config.forwardTimeout(), config.retryAfterSeconds());
    }
}

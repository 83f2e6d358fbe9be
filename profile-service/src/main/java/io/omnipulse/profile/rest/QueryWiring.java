package io.omnipulse.profile.rest;

import io.omnipulse.profile.config.ProfileConfig;
import io.omnipulse.queries.QuerySettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** profile-service's settings for the shared interactive-query module. */
public class QueryWiring {

    /** Profiles come back within a second of a rebalance: retry soon. */
    static final long RETRY_AFTER_SECONDS = 1;

    @Produces
    @Singleton
    QuerySettings querySettings(ProfileConfig config) {
        return new QuerySettings(config.forwardTimeout(), RETRY_AFTER_SECONDS);
    }
}

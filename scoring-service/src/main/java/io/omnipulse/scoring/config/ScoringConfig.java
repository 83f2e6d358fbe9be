package io.omnipulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Business settings of scoring-service (application.properties, prefix omnipulse.scoring). */
@ConfigMapping(prefix = "omnipulse.scoring")
public interface ScoringConfig {

    /**
     * How long an event id is remembered to drop re-sends. A re-send later than this counts again,
     * so it must exceed the longest time a producer may retry or replay (ingest retries in minutes).
     */
    @WithDefault("P30D")
    Duration dedupRetention();

    /** How often (wall-clock) remembered event ids older than the retention are purged. */
    @WithDefault("PT1H")
    Duration dedupPurgeInterval();

    /** How long a query forwarded to the instance that owns a scope may take. */
    @WithDefault("PT2S")
    Duration forwardTimeout();

    /** Retry-After (seconds) when scores cannot be queried yet, e.g. during a rebalance. */
    @WithDefault("2")
    int retryAfterSeconds();
}

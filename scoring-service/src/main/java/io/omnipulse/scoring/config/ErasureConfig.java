package io.omnipulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Erasures of customers (GDPR art. 17; application.properties, prefix omnipulse.scoring.erasure). */
@ConfigMapping(prefix = "omnipulse.scoring.erasure")
public interface ErasureConfig {

    /**
     * How long an erased customer id is remembered (from the request's requestedAt) so that a copy of
     * one of its events from before the erasure (in flight, re-sent, replayed) cannot rebuild its state:
     * as long as re-sends are dropped as duplicates (dedup-retention), the bound the service already
     * assumes for copies. Purged on the dedup purge interval.
     */
    @WithDefault("P30D")
    Duration retention();
}

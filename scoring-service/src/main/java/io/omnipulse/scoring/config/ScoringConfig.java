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

    /**
     * How late (in event time) an answer may arrive and still land in its day, measured against the
     * event-time clock of its partition (the latest occurredAt seen there). Later answers count in
     * window "all" and in the late-events count, never in a trailing window.
     */
    @WithDefault("P7D")
    Duration grace();

    /** How often (wall-clock) day buckets older than the longest window plus the grace are purged. */
    @WithDefault("PT1H")
    Duration bucketPurgeInterval();

    /**
     * An answer rates an interaction at most this long before it (never one after it): the latest one
     * of the conversation it names, else the customer's latest one; with none, it keeps its own
     * channel, team and agent. An interaction that arrives after the answer re-attributes it.
     */
    @WithDefault("P7D")
    Duration attributionHorizon();

    /** Interactions older than this before a customer's newest one are forgotten. */
    @WithDefault("P30D")
    Duration historyRetention();

    /**
     * At most this many interactions are kept per customer (the newest ones), and as many answers
     * remembered to re-attribute them (the newest ones within the grace).
     */
    @WithDefault("50")
    int historyMaxInteractions();

    /**
     * How long a merged customer id is remembered with its survivor, to send on events and folds
     * that still arrive for it (the merge and the events travel on different topics, so a few are
     * in flight when it happens) and to ignore a replayed merge. Purged on the dedup purge interval.
     * An event for a merged id after this time counts for that id again, as a customer of its own.
     */
    @WithDefault("P90D")
    Duration mergeRetention();

    /** How long a query forwarded to the instance that owns a scope may take. */
    @WithDefault("PT2S")
    Duration forwardTimeout();

    /** Retry-After (seconds) when scores cannot be queried yet, e.g. during a rebalance. */
    @WithDefault("2")
    int retryAfterSeconds();
}

package io.omnipulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Weights and horizons of the behavioural effort index (application.properties, prefix
 * omnipulse.scoring.effort). The formula is documented on {@link io.omnipulse.scoring.domain.EffortFormula}.
 */
@ConfigMapping(prefix = "omnipulse.scoring.effort")
public interface EffortConfig {

    /**
     * Only the customer's interactions at most this long before their latest one count: effort is
     * about the current journey. Must not exceed omnipulse.scoring.history-retention (the store keeps no more).
     */
    @WithDefault("P7D")
    Duration horizon();

    /** Contacts this close together count as repeats, and a channel switch within it counts as one. */
    @WithDefault("PT48H")
    Duration repeatWindow();

    /** Points per contact beyond the first within the repeat window (or on one conversation). */
    @WithDefault("15")
    int repeatPoints();

    /** Points per switch of channel before the issue was resolved (e.g. email then call). */
    @WithDefault("15")
    int switchPoints();

    /** Points per transfer between agents or queues. */
    @WithDefault("10")
    int transferPoints();

    /** A wait at least this long is a long wait. */
    @WithDefault("PT10M")
    Duration longWait();

    /** Points per contact with a long wait. */
    @WithDefault("10")
    int longWaitPoints();

    /** Points per abandoned contact (the customer gave up, e.g. hung up in the queue). */
    @WithDefault("15")
    int abandonedPoints();

    /** Points per contact on a conversation after it had been resolved. */
    @WithDefault("20")
    int reopenedPoints();
}

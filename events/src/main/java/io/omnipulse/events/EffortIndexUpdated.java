package io.omnipulse.events;

import java.time.Instant;
import java.util.List;

/**
 * A customer's behavioural effort index changed: 0 (effortless) .. 100, inferred from the
 * interaction stream alone. Published on {@link Topics#EFFORT_INDEX} keyed by customer id.
 *
 * @param drivers what made the index, in words, e.g. "3 contacts in 48 h", "email then call", "2 transfers"
 */
public record EffortIndexUpdated(String customerId, int index, List<String> drivers, Instant updatedAt) {
}

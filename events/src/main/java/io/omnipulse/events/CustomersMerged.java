package io.omnipulse.events;

import java.time.Instant;
import java.util.List;

/**
 * An event linked two customers: {@code mergedId} folds into {@code survivorId} (the older
 * profile). Published on {@link Topics#CUSTOMER_MERGES} keyed by the merged id, so that
 * downstream services re-key their state and every merge can be audited.
 *
 * @param linkingIdentifiers the typed identifiers (e.g. {@code email:ann@example.com}) that linked them
 * @param occurredAt         event time of the linking event
 */
public record CustomersMerged(
        String survivorId,
        String mergedId,
        String linkingSource,
        String linkingEventId,
        List<String> linkingIdentifiers,
        Instant occurredAt,
        Instant mergedAt) {
}

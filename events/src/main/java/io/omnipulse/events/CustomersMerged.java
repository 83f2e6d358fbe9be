package io.omnipulse.events;

import java.time.Instant;
import java.util.List;

/**
 * An event linked two customers: {@code mergedId} folds into {@code survivorId} (the older
 * profile). Published on {@link Topics#CUSTOMER_MERGES} keyed by the merged id, so that
 * downstream services re-key their state and every merge can be audited.
 *
 * <p>A merge of an id into itself ({@code survivorId} equals {@code mergedId}) says that a merged id
 * lives again: it was split off its survivor, or a late, earlier event made it the oldest of its
 * group. A reader drops its pointer from that id, or a later merge the other way (the old survivor
 * into this id) would form a cycle with it. Readers order a merge and such a word for one id by the
 * topic (same key, same partition) and across ids by {@code mergedAt}: a pointer made before the
 * merge that makes its id a survivor is stale.
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

package io.omnipulse.events;

import java.time.Instant;
import java.util.List;

/**
 * A merge that identity resolution refused or undid, for audit: two profiles with different crmIds, an
 * identifier seen on too many customers, a junk value, a profile over its identifier cap, or a
 * customer split off again because the identifier that had linked it turned out to be shared.
 * Published on {@link Topics#IDENTITY_AUDIT}.
 *
 * @param kind         crm-conflict, shared-identifier, junk-identifier, identifier-cap or customers-split
 *                     (customerIds: the survivor it leaves, then the customer that lives again)
 * @param identifiers  the typed identifiers involved
 * @param customerIds  the customers that would have merged
 * @param attributedTo the customer the event was attributed to instead
 */
public record IdentityConflict(
        String kind,
        String source,
        String eventId,
        List<String> identifiers,
        List<String> customerIds,
        String attributedTo,
        Instant occurredAt,
        Instant detectedAt) {
}

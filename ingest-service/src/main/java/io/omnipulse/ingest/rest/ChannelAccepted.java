package io.omnipulse.ingest.rest;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.ingest.messaging.RecordKeys;

/**
 * Answer to a channel adapter: the canonical event id it produced (idempotency key with source)
 * and the customer id the event was keyed by, for looking the customer up later.
 */
public record ChannelAccepted(String eventId, String source, String customerId) {

    public static ChannelAccepted of(ContactEvent event, RecordKeys keys) {
        return new ChannelAccepted(event.eventId(), event.source(), keys.keyOf(event));
    }
}

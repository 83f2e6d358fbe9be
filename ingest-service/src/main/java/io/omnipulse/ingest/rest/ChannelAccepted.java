package io.omnipulse.ingest.rest;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;

/**
 * Answer to a channel adapter: the canonical event id it produced (idempotency key with source)
 * and the customer id the event was keyed by, for looking the customer up later.
 */
public record ChannelAccepted(String eventId, String source, String customerId) {

    static ChannelAccepted of(ContactEvent event) {
        return new ChannelAccepted(event.eventId(), event.source(), CustomerKeys.customerId(event.customer()));
    }
}

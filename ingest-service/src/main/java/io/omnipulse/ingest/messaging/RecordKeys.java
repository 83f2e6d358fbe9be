package io.omnipulse.ingest.messaging;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;

/**
 * The record key of an event on {@code cx.contact-events.v1}: the wire contract's customer id, with
 * phone numbers written nationally read in the configured region. profile-service must read them in
 * the same region, or it matches a number under another value than the one it was keyed by.
 *
 * @param region ISO 3166 region code, e.g. "GB"
 */
public record RecordKeys(String region) {

    /** @throws IllegalArgumentException when libphonenumber does not know the region */
    public RecordKeys {
        region = CustomerKeys.region(region);
    }

    /** The customer id the event is keyed by, or null when it names nobody. */
    public String keyOf(ContactEvent event) {
        return CustomerKeys.customerId(event.customer(), region);
    }
}

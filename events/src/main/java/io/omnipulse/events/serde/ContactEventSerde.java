package io.omnipulse.events.serde;

import io.omnipulse.events.ContactEvent;

/** Named serde (no-arg constructor) so Kafka clients can load it from configuration. */
public class ContactEventSerde extends JsonSerde<ContactEvent> {

    public ContactEventSerde() {
        super(ContactEvent.class);
    }
}

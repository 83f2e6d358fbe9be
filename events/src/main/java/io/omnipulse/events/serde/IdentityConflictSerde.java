package io.omnipulse.events.serde;

import io.omnipulse.events.IdentityConflict;

/** Named serde (no-arg constructor) so Kafka clients can load it from configuration. */
public class IdentityConflictSerde extends JsonSerde<IdentityConflict> {

    public IdentityConflictSerde() {
        super(IdentityConflict.class);
    }
}

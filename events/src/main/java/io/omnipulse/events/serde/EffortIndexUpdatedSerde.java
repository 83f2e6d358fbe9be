package io.omnipulse.events.serde;

import io.omnipulse.events.EffortIndexUpdated;

/** Named serde (no-arg constructor) so Kafka clients can load it from configuration. */
public class EffortIndexUpdatedSerde extends JsonSerde<EffortIndexUpdated> {

    public EffortIndexUpdatedSerde() {
        super(EffortIndexUpdated.class);
    }
}

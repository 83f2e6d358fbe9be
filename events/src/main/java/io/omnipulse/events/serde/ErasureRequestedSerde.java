package io.omnipulse.events.serde;

import io.omnipulse.events.ErasureRequested;

/** Named serde (no-arg constructor) so Kafka clients can load it from configuration. */
public class ErasureRequestedSerde extends JsonSerde<ErasureRequested> {

    public ErasureRequestedSerde() {
        super(ErasureRequested.class);
    }
}

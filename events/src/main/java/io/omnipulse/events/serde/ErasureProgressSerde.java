package io.omnipulse.events.serde;

import io.omnipulse.events.ErasureProgress;

/** Named serde (no-arg constructor) so Kafka clients can load it from configuration. */
public class ErasureProgressSerde extends JsonSerde<ErasureProgress> {

    public ErasureProgressSerde() {
        super(ErasureProgress.class);
    }
}

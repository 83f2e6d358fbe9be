package io.omnipulse.events.serde;

import io.omnipulse.events.ScoreUpdated;

/** Named serde (no-arg constructor) so Kafka clients can load it from configuration. */
public class ScoreUpdatedSerde extends JsonSerde<ScoreUpdated> {

    public ScoreUpdatedSerde() {
        super(ScoreUpdated.class);
    }
}

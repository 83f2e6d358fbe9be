package io.omnipulse.events.serde;

import io.omnipulse.events.AlertRaised;

/** Named serde (no-arg constructor) so Kafka clients can load it from configuration. */
public class AlertRaisedSerde extends JsonSerde<AlertRaised> {

    public AlertRaisedSerde() {
        super(AlertRaised.class);
    }
}

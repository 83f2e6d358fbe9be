package io.omnipulse.events.serde;

import io.omnipulse.events.AlertEvent;

/** Named serde (no-arg constructor) so Kafka clients can load it from configuration. */
public class AlertEventSerde extends JsonSerde<AlertEvent> {

    public AlertEventSerde() {
        super(AlertEvent.class);
    }
}

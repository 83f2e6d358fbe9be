package io.omnipulse.events.serde;

import io.omnipulse.events.CustomersMerged;

/** Named serde (no-arg constructor) so Kafka clients can load it from configuration. */
public class CustomersMergedSerde extends JsonSerde<CustomersMerged> {

    public CustomersMergedSerde() {
        super(CustomersMerged.class);
    }
}

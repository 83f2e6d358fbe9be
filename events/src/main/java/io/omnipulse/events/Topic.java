package io.omnipulse.events;

import org.apache.kafka.common.serialization.Serde;

/** A topic of the catalog: its name, how keys and values are written, and its partition count. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions) {
}

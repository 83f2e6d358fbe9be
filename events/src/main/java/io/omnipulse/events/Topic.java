package io.omnipulse.events;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the catalog: its name, how keys and values are written, its partition count, and the
 * topic-level configuration it must be created with (retention, cleanup policy), applied by
 * deploy/topics.sh and the devstack alike.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          Map<String, String> config) {

    public Topic {
        config = Map.copyOf(config);
    }
}

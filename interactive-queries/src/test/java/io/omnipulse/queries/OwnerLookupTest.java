package io.omnipulse.queries;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** Until Kafka Streams runs, no owner is known and no store is read. */
class OwnerLookupTest {

    @Test
    void aStoreOfAnApplicationThatIsNotRunningIsNotQueryable() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("t", org.apache.kafka.streams.kstream.Materialized.<String, String>as(
                Stores.inMemoryKeyValueStore("s")).withKeySerde(Serdes.String()).withValueSerde(Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "owner-lookup-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            OwnerLookup owners = new OwnerLookup(streams, Optional.of("localhost:8080"));

            assertThatThrownBy(() -> owners.get("s", "k", (String v) -> v))
                    .isInstanceOf(StoreNotQueryableException.class).hasMessageContaining("CREATED");
        }
    }
}

package io.omnipulse.streamsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;

class BoundedRocksDbMemoryTest {

    @Test
    void storesGetSmallMemtablesChargedToTheSharedCache() {
        try (Options options = new Options()) {
            new BoundedRocksDbMemory().setConfig("counts", options, Map.of());
            assertThat(options.writeBufferSize()).isEqualTo(4L << 20);
            assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
        }
    }

    @Test
    void refusesMemtablesThatDoNotFitInTheTotal() {
        try (Options options = new Options()) {
            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("counts", options,
                    Map.of(BoundedRocksDbMemory.TOTAL_BYTES, String.valueOf(64L << 20),
                            BoundedRocksDbMemory.MEMTABLE_BYTES, String.valueOf(64L << 20))))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(BoundedRocksDbMemory.MEMTABLE_BYTES);
            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("counts", options,
                    Map.of(BoundedRocksDbMemory.TOTAL_BYTES, "lots")))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES);
        }
    }

    @Test
    void aRocksDbStoreWorksUnderTheBound(@TempDir Path stateDir) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("words", Consumed.with(Serdes.String(), Serdes.String())).groupByKey()
                .count(Materialized.<String, Long, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("counts"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-rocksdb-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, String> words = driver.createInputTopic("words",
                    Serdes.String().serializer(), Serdes.String().serializer());
            for (int i = 0; i < 1_000; i++) {
                words.pipeInput("w" + (i % 10), "x");
            }
            KeyValueStore<String, Long> counts = driver.getKeyValueStore("counts");
            assertThat(counts.get("w3")).isEqualTo(100L);
            assertThat(driver.getAllStateStores().get("counts").persistent()).as("a RocksDB store").isTrue();
        }
    }
}

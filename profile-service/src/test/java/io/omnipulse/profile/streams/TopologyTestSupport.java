package io.omnipulse.profile.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.profile.domain.IdentityNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** A TopologyTestDriver set up like the service: no broker, a throw-away state directory. */
final class TopologyTestSupport {

    private TopologyTestSupport() {
    }

    static TopologyTestDriver driver(Topology topology) {
        return driver(topology, new Properties());
    }

    /**
     * A driver that, like the service with its dead-letter handler, drops a record whose processing
     * threw and goes on with the next one.
     */
    static TopologyTestDriver continuingAfterErrors(Topology topology) {
        Properties props = new Properties();
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                "org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler");
        return driver(topology, props);
    }

    static TopologyTestDriver driver(Topology topology, Properties extra) {
        Properties props = new Properties();
        props.putAll(extra);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "omnipulse-profile-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        try {
            // The driver commits after every record and RocksDB then fsyncs a checkpoint file; on a
            // RAM disk that costs nothing, elsewhere it dominates the run time of a test.
            Path shm = Path.of("/dev/shm");
            Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Files.createDirectories(Path.of("target"));
            Path dir = Files.createTempDirectory(base, "omnipulse-profile-ttd-");
            dir.toFile().deleteOnExit();
            props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopologyTestDriver(topology, props);
    }

    static TestInputTopic<String, ContactEvent> contactEvents(TopologyTestDriver driver) {
        var topic = Topics.CONTACT_EVENTS;
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    static <V> TestOutputTopic<String, V> output(TopologyTestDriver driver, Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    static TestOutputTopic<String, CustomersMerged> merges(TopologyTestDriver driver) {
        return output(driver, Topics.CUSTOMER_MERGES);
    }

    static TestOutputTopic<String, IdentityConflict> audit(TopologyTestDriver driver) {
        return output(driver, Topics.IDENTITY_AUDIT);
    }

    static CustomerRecord record(TopologyTestDriver driver, String customerId) {
        KeyValueStore<String, CustomerRecord> store = driver.getKeyValueStore(ProfileTopology.PROFILE_STORE);
        return store.get(customerId);
    }

    /** The live profile of a customer; null when unknown or merged. */
    static CustomerProfile profile(TopologyTestDriver driver, String customerId) {
        CustomerRecord record = record(driver, customerId);
        return record == null ? null : record.profile();
    }

    /** Every live profile by customer id. */
    static Map<String, CustomerProfile> liveProfiles(TopologyTestDriver driver) {
        KeyValueStore<String, CustomerRecord> store = driver.getKeyValueStore(ProfileTopology.PROFILE_STORE);
        Map<String, CustomerProfile> out = new TreeMap<>();
        try (KeyValueIterator<String, CustomerRecord> all = store.all()) {
            all.forEachRemaining((KeyValue<String, CustomerRecord> kv) -> {
                if (!kv.value.isMerged()) {
                    out.put(kv.key, kv.value.profile());
                }
            });
        }
        return out;
    }

    /** The customer id the identity index holds for a typed identifier; null when unknown. */
    static String customerOf(TopologyTestDriver driver, String typedIdentifier) {
        KeyValueStore<String, IdentityNode> store = driver.getKeyValueStore(ProfileTopology.IDENTIFIER_INDEX_STORE);
        IdentityNode node = store.get(typedIdentifier);
        return node == null || node.label() == null ? null : node.label().customerId();
    }

    /** Every identifier with the customer it belongs to. */
    static Map<String, String> identities(TopologyTestDriver driver) {
        KeyValueStore<String, IdentityNode> store = driver.getKeyValueStore(ProfileTopology.IDENTIFIER_INDEX_STORE);
        Map<String, String> out = new TreeMap<>();
        try (KeyValueIterator<String, IdentityNode> all = store.all()) {
            all.forEachRemaining(kv -> out.put(kv.key, kv.value.label().customerId()));
        }
        return out;
    }
}

package io.omnipulse.profile.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/** A TopologyTestDriver set up like the service: no broker, a throw-away state directory. */
final class TopologyTestSupport {

    private TopologyTestSupport() {
    }

    static TopologyTestDriver driver(Topology topology) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "omnipulse-profile-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        try {
            // Under target/: Kafka Streams warns about OS temp dirs, which the OS may clean mid-run.
            Path target = Files.createDirectories(Path.of("target"));
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(target, "ttd-state").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopologyTestDriver(topology, props);
    }

    static TestInputTopic<String, ContactEvent> contactEvents(TopologyTestDriver driver) {
        var topic = Topics.CONTACT_EVENTS;
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}

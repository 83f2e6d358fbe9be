package io.omnipulse.profile.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.devstack.TopicProvisioner;
import io.omnipulse.devstack.testkit.TestInfrastructure;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Topics;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.ProfileLimits;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/** The profile topology run as a real Kafka Streams client on the test broker, and events published to it. */
final class ProfileOnTheBroker {

    private ProfileOnTheBroker() {
    }

    /**
     * Starts an instance under {@code applicationId} (exactly-once, its own state directory), on the
     * loop topic of that id, which is created first as deploy/topics.sh creates the default one.
     */
    static KafkaStreams start(String applicationId, int port) {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        String loop = ProfileTopology.loopTopicOf(applicationId);
        TopicProvisioner.create(bootstrap, List.of(new NewTopic(loop, Topics.PROFILE_IDENTITY_LOOP.partitions(), (short) 1)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestInfrastructure.tempDir(applicationId + "-" + port).toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:" + port);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        var topology = new ProfileTopology(ProfileLimits.DEFAULTS, IdentityRules.DEFAULTS, loop, new SimpleMeterRegistry())
                .buildTopology();
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.start();
        return streams;
    }

    /** Publishes the events keyed as ingest keys them; returns the partitions they went to. */
    static Set<Integer> publish(List<ContactEvent> events) throws Exception {
        var topic = Topics.CONTACT_EVENTS;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        Set<Integer> partitions = new HashSet<>();
        try (var producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (ContactEvent event : events) {
                partitions.add(producer.send(new ProducerRecord<>(topic.name(),
                        CustomerKeys.customerId(event.customer()), event)).get().partition());
            }
        }
        return partitions;
    }
}

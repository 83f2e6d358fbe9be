package io.omnipulse.devstack.testkit;

import io.omnipulse.events.DeadLetters.Origin;
import io.omnipulse.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.awaitility.Awaitility;

/**
 * Writes bytes straight onto a topic, as another producer or an old version could, and reads the dead
 * letters back. Records up to 8 MB: the topics a test writes large records to are enlarged first.
 */
public final class RawRecords implements AutoCloseable {

    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private final String bootstrap;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> deadLetters;
    private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();

    public RawRecords(String bootstrap) {
        this.bootstrap = bootstrap;
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_BYTES),
                new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_BYTES),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = deadLetters.partitionsFor(Topics.DEAD_LETTERS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        deadLetters.assign(partitions);
        deadLetters.seekToBeginning(partitions);
    }

    /** Lets the broker take records of up to {@link #MAX_BYTES} on these topics. */
    public void enlarge(String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var op = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    Integer.toString(MAX_BYTES + 1024)), AlterConfigOp.OpType.SET);
            Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new java.util.HashMap<>();
            for (String topic : topics) {
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(op));
            }
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        }
    }

    public RecordMetadata send(String topic, String key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, Serdes.String().serializer().serialize(topic, key), value))
                .get(30, TimeUnit.SECONDS);
    }

    /** The dead letter of the record written at {@code written}, once it is there. */
    public ConsumerRecord<byte[], byte[]> awaitDeadLetter(RecordMetadata written) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> find(written), Optional::isPresent).orElseThrow();
    }

    private Optional<ConsumerRecord<byte[], byte[]>> find(RecordMetadata written) {
        deadLetters.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(r -> Origin.from(r.headers())
                .filter(o -> o.sourceTopic().equals(written.topic()) && o.sourcePartition() == written.partition()
                        && o.sourceOffset() == written.offset())
                .isPresent()).findFirst();
    }

    @Override
    public void close() {
        producer.close();
        deadLetters.close();
    }
}

package io.omnipulse.alerting.messaging;

import io.omnipulse.events.DeadLetters;
import io.omnipulse.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Raw bytes onto any topic of the test broker, as a producer that is not ours might write them,
 * and everything on the dead-letter topic read back from the beginning.
 */
final class RawTopics implements AutoCloseable {

    /** Above the broker's 1 MB default, so that a 2 MB field can reach the consumers at all. */
    static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> deadLetters;
    private final List<ConsumerRecord<byte[], byte[]>> seen = new CopyOnWriteArrayList<>();

    RawTopics() {
        String bootstrap = bootstrap();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES),
                new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = deadLetters.partitionsFor(Topics.DEAD_LETTERS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        deadLetters.assign(partitions);
        deadLetters.seekToBeginning(partitions);
    }

    /** Lets these topics take records up to {@link #MAX_RECORD_BYTES} (topic-level max.message.bytes). */
    static void allowLargeRecords(Collection<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            AlterConfigOp op = new AlterConfigOp(new ConfigEntry("max.message.bytes", Integer.toString(MAX_RECORD_BYTES)),
                    AlterConfigOp.OpType.SET);
            Map<ConfigResource, Collection<AlterConfigOp>> ops = new java.util.HashMap<>();
            for (String topic : topics) {
                ops.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(op));
            }
            admin.incrementalAlterConfigs(ops).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Sends and waits for the ack; returns where the record landed. */
    RecordMetadata send(String topic, byte[] key, byte[] value) {
        return send(topic, key, value, null);
    }

    /** Sends with this record timestamp (null: the producer's clock) and waits for the ack. */
    RecordMetadata send(String topic, byte[] key, byte[] value, Long timestamp) {
        try {
            return producer.send(new ProducerRecord<>(topic, null, timestamp, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }

    /** Polls once more; answers the dead letter of this source record, if it arrived. */
    Optional<ConsumerRecord<byte[], byte[]>> deadLetterOf(String topic, int partition, long offset) {
        deadLetters.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(r -> DeadLetters.Origin.from(r.headers())
                .filter(o -> o.sourceTopic().equals(topic) && o.sourcePartition() == partition
                        && o.sourceOffset() == offset).isPresent()).findFirst();
    }

    /** Every dead letter written before this call: polls until the end offsets of the moment are reached. */
    List<ConsumerRecord<byte[], byte[]>> deadLettersUpToNow() {
        Map<TopicPartition, Long> end = deadLetters.endOffsets(deadLetters.assignment());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (end.entrySet().stream().anyMatch(e -> deadLetters.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dead-letter topic could not be read to its end");
            }
            deadLetters.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** Every dead letter written before this call whose source is this topic. */
    List<ConsumerRecord<byte[], byte[]>> deadLettersFrom(String topic) {
        deadLettersUpToNow();
        List<ConsumerRecord<byte[], byte[]>> from = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : seen) {
            DeadLetters.Origin.from(r.headers()).filter(o -> o.sourceTopic().equals(topic)).ifPresent(o -> from.add(r));
        }
        return from;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Override
    public void close() {
        producer.close();
        deadLetters.close();
    }
}

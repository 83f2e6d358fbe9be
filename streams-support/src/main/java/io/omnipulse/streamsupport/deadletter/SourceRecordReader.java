package io.omnipulse.streamsupport.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads one record back from its source topic, for a dead letter whose bytes Kafka Streams no longer
 * holds: it releases the raw input record as soon as the task sends its first output, so a production
 * error (and a processing error after a forward) reaches the handler without {@code sourceRawKey/Value}.
 * The input topics keep their history, so the bytes are still in the log. Failures are rare, so a
 * short-lived consumer (no group, read_committed) per read is simpler than one to keep and close.
 */
final class SourceRecordReader {

    private static final Logger LOG = Logger.getLogger(SourceRecordReader.class);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> consumerConfig;

    SourceRecordReader(Map<String, ?> streamsConfig) {
        consumerConfig = new HashMap<>();
        // Bootstrap servers and security settings as the application's own clients use them.
        streamsConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key) && value != null) {
                consumerConfig.put(key, value);
            }
        });
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumerConfig.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    }

    Optional<ConsumerRecord<byte[], byte[]>> read(String topic, int partition, long offset) {
        if (!consumerConfig.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) || offset < 0) {
            return Optional.empty();
        }
        TopicPartition source = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(source));
            consumer.seek(source, offset);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    return Optional.empty();
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not read %s@%d back for its dead letter (%s)", source, offset, e.getClass().getName());
        }
        return Optional.empty();
    }
}

package io.omnipulse.devstack.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether what lies between a group's committed offset and a partition's end is only transaction
 * markers. A consumer commits the offset after its last record, not after the commit marker that
 * follows it, and every exactly-once producer that wrote to a partition leaves a marker of its own
 * there (two stream threads or two instances: two markers), so a caught-up group can be any number of
 * offsets short of the end. Such a gap is read with a read_committed consumer: caught up if it holds
 * no record.
 */
public final class TransactionGaps implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> reader;

    public TransactionGaps(String bootstrapServers) {
        this.reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The partitions whose gap [from, to) holds a committed record, not only transaction markers;
     * all read at once. A partition that cannot be read to its gap's end in 5 s counts as holding one.
     */
    public Set<TopicPartition> holdingRecords(Map<TopicPartition, long[]> gaps) {
        Set<TopicPartition> holding = new HashSet<>();
        if (gaps.isEmpty()) {
            return holding;
        }
        reader.assign(gaps.keySet());
        reader.resume(reader.paused());
        gaps.forEach((tp, gap) -> reader.seek(tp, gap[0]));
        Set<TopicPartition> pending = new HashSet<>(gaps.keySet());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> records = reader.poll(Duration.ofMillis(100));
            for (TopicPartition tp : records.partitions()) {
                if (pending.remove(tp) && records.records(tp).get(0).offset() < gaps.get(tp)[1]) {
                    holding.add(tp);
                }
            }
            pending.removeIf(tp -> reader.position(tp, Duration.ofSeconds(5)) >= gaps.get(tp)[1]);
            reader.pause(Set.copyOf(gaps.keySet().stream().filter(tp -> !pending.contains(tp)).toList()));
        }
        holding.addAll(pending);
        return holding;
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(5));
    }
}

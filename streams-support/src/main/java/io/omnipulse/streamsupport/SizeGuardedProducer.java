package io.omnipulse.streamsupport;

import io.omnipulse.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * Refuses an output record larger than {@code maxRecordBytes} before the Kafka producer sees it.
 *
 * <p>Why: a record the producer or the broker refuses as too large puts a transactional producer in an
 * abortable error state, so under exactly-once the whole transaction aborts, the task replays the same
 * input and fails again, for ever, whatever the production exception handler answers. Refused here, the
 * failure reaches Kafka Streams through the send callback only, the handler dead-letters the input record,
 * and the transaction commits. Dead letters are not guarded here: their handler bounds them itself.
 */
final class SizeGuardedProducer implements Producer<byte[], byte[]> {

    /** Record batch, record and header framing on top of key, value and header bytes. */
    static final int OVERHEAD_BYTES = 512;

    private final Producer<byte[], byte[]> delegate;
    private final int maxRecordBytes;

    SizeGuardedProducer(Producer<byte[], byte[]> delegate, int maxRecordBytes) {
        this.delegate = delegate;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        int size = size(record);
        if (size > maxRecordBytes && !Topics.DEAD_LETTERS.name().equals(record.topic())) {
            RecordTooLargeException tooLarge = new RecordTooLargeException("A record of about " + size
                    + " bytes for " + record.topic() + " exceeds omnipulse.streams.max-record-bytes=" + maxRecordBytes);
            if (callback != null) {
                callback.onCompletion(null, tooLarge);
            }
            return CompletableFuture.failedFuture(tooLarge);
        }
        return delegate.send(record, callback);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        return send(record, null);
    }

    static int size(ProducerRecord<byte[], byte[]> record) {
        long size = OVERHEAD_BYTES + length(record.key()) + length(record.value());
        for (Header header : record.headers()) {
            size += header.key().length() + length(header.value());
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    @Override
    public void initTransactions() {
        delegate.initTransactions();
    }

    @Override
    public void beginTransaction() {
        delegate.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata groupMetadata) {
        delegate.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void commitTransaction() {
        delegate.commitTransaction();
    }

    @Override
    public void abortTransaction() {
        delegate.abortTransaction();
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        delegate.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        delegate.unregisterMetricFromSubscription(metric);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return delegate.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return delegate.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return delegate.clientInstanceId(timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void close(Duration timeout) {
        delegate.close(timeout);
    }
}

package io.omnipulse.streamsupport;

import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;

/**
 * The clients Kafka Streams uses: its defaults, with every producer wrapped in a {@link SizeGuardedProducer}.
 * The Quarkus extension passes a {@code KafkaClientSupplier} bean to {@code new KafkaStreams(...)}.
 */
@Singleton
public class SizeGuardedClientSupplier implements KafkaClientSupplier {

    private final KafkaClientSupplier defaults = new DefaultKafkaClientSupplier();
    private final int maxRecordBytes;

    public SizeGuardedClientSupplier(StreamsSupportConfig config) {
        this.maxRecordBytes = config.maxRecordBytes();
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return defaults.getAdmin(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new SizeGuardedProducer(defaults.getProducer(config), maxRecordBytes);
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return defaults.getConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return defaults.getRestoreConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return defaults.getGlobalConsumer(config);
    }
}

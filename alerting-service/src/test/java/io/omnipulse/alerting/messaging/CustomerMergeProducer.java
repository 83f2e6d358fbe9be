package io.omnipulse.alerting.messaging;

import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes merges the way profile-service does: catalog serdes, keyed by the merged id. */
final class CustomerMergeProducer implements AutoCloseable {

    private final KafkaProducer<String, CustomersMerged> producer;
    private final KafkaProducer<String, byte[]> raw;

    CustomerMergeProducer() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, Topics.CUSTOMER_MERGES.keySerde().serializer(),
                Topics.CUSTOMER_MERGES.valueSerde().serializer());
        raw = new KafkaProducer<>(props, Topics.CUSTOMER_MERGES.keySerde().serializer(), new ByteArraySerializer());
    }

    /** A merge of {@code mergedId} into {@code survivorId} by a new linking event. */
    static CustomersMerged merge(String mergedId, String survivorId) {
        Instant now = Instant.now();
        return new CustomersMerged(survivorId, mergedId, "chat-widget", "evt-" + UUID.randomUUID(),
                List.of("email:ann@example.com"), now, now);
    }

    /** Sends and waits for the broker's acknowledgement. */
    void send(CustomersMerged merge) {
        await(producer.send(new ProducerRecord<>(Topics.CUSTOMER_MERGES.name(), merge.mergedId(), merge)));
    }

    /** Sends bytes that are not a CustomersMerged, as a broken producer might. */
    void sendGarbage(String key, String value) {
        await(raw.send(new ProducerRecord<>(Topics.CUSTOMER_MERGES.name(), key, value.getBytes(StandardCharsets.UTF_8))));
    }

    private static void await(Future<?> sent) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish a merge", e);
        }
    }

    @Override
    public void close() {
        producer.close();
        raw.close();
    }
}

package io.omnipulse.profile.rest;

import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes accepted erasure requests: the request on cx.erasures.v1 (keyed by customer id, where the
 * services act on it), then its first progress record on cx.erasure-progress.v1, so that its status
 * is known at once. Both acknowledged by every in-sync replica before the caller hears 202.
 */
@ApplicationScoped
public class ErasureLog {

    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, byte[]> producer;

    public ErasureLog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "profile-service-erasures",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes the request and its acceptance; throws when Kafka did not take them in time. */
    public void publish(ErasureRequested request) {
        send(Topics.ERASURES, request.customerId(), request);
        send(Topics.ERASURE_PROGRESS, request.erasureId(), new ErasureProgress(request.erasureId(),
                request.customerId(), request.requestedAt(), ErasureProgress.REQUESTED, request.requestedAt(), 0));
    }

    private <V> void send(Topic<String, V> topic, String key, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, bytes)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErasureNotStoredException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ErasureNotStoredException(e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** Kafka did not take the request: nothing is promised, the caller may ask again. */
    public static final class ErasureNotStoredException extends RuntimeException {
        ErasureNotStoredException(Throwable cause) {
            super("the erasure request could not be stored", cause);
        }
    }
}

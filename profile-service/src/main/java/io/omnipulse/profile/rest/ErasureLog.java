package io.omnipulse.profile.rest;

import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes accepted erasure requests: the request on cx.erasures.v1 (keyed by customer id, where the
 * services act on it), then its first progress record on cx.erasure-progress.v1, so that its status
 * is known at once. Both acknowledged by every in-sync replica before the caller hears 202.
 */
@ApplicationScoped
public class ErasureLog {

    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, byte[]> producer;

    /** @param kafka every {@code kafka.*} setting (bootstrap servers, and TLS or SASL where configured) */
    public ErasureLog(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "profile-service-erasures");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
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

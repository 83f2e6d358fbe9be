package io.omnipulse.ingest.messaging;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Topics;
import io.omnipulse.ingest.config.IngestConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one producer of the service. Durability first: acks=all and idempotence, so a retried send
 * never duplicates or reorders a customer's events. Tight timeouts, so a request whose broker is
 * away fails within seconds with 503 instead of hanging.
 */
public class ContactEventProducer {

    @Produces
    @Singleton
    KafkaProducer<String, ContactEvent> producer(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            IngestConfig config) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        props.remove("default.api.timeout.ms"); // meant for the admin client of the readiness check
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        IngestConfig.Publish publish = config.publish();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(publish.maxBlock()));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(publish.requestTimeout()));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(publish.deliveryTimeout()));
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms; no batching delay keeps that true.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, Topics.CONTACT_EVENTS.keySerde().serializer(),
                Topics.CONTACT_EVENTS.valueSerde().serializer());
    }

    /** Flushes what is in flight, bounded so shutdown cannot hang on a missing broker. */
    void close(@Disposes KafkaProducer<String, ContactEvent> producer, IngestConfig config) {
        producer.close(config.publish().deliveryTimeout());
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}

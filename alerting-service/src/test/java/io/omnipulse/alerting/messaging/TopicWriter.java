package io.omnipulse.alerting.messaging;

import io.omnipulse.events.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Writes to one catalog topic of the test broker the way the services do (catalog serdes,
 * acks=all), and waits for each acknowledgement so that the records of one test keep their order.
 */
final class TopicWriter<V> implements AutoCloseable {

    private final Topic<String, V> topic;
    private final KafkaProducer<String, V> producer;
    private final KafkaProducer<String, byte[]> raw;

    TopicWriter(Topic<String, V> topic) {
        this.topic = topic;
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
        raw = new KafkaProducer<>(props, topic.keySerde().serializer(), new ByteArraySerializer());
    }

    void send(String key, V value) {
        await(producer.send(new ProducerRecord<>(topic.name(), key, value)), "a record for " + key);
    }

    /** Sends bytes that are no record of this topic's type, as a broken producer might. */
    void sendGarbage(String key, String value) {
        await(raw.send(new ProducerRecord<>(topic.name(), key, value.getBytes(StandardCharsets.UTF_8))),
                "garbage for " + key);
    }

    private void await(Future<?> sent, String what) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + what + " on " + topic.name(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
        raw.close();
    }
}

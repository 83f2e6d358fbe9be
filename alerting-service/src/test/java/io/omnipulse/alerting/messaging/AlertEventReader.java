package io.omnipulse.alerting.messaging;

import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads everything on cx.alert-events.v1 from the beginning, with the catalog serdes; passes over the
 * records that are no alert event (AlertStreamTest writes one on purpose to the shared broker).
 */
final class AlertEventReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<AlertEvent> seen = new CopyOnWriteArrayList<>();

    AlertEventReader() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Topics.ALERT_EVENTS.keySerde().deserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERT_EVENTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once more and answers the events seen so far for one alert, in order. */
    List<AlertEvent> eventsOf(long alertId) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
            try {
                AlertEvent event = Topics.ALERT_EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                if (event != null) {
                    seen.add(event);
                }
            } catch (SerializationException notAnAlertEvent) {
                // passed over, as the live screens' feed does
            }
        });
        return seen.stream().filter(e -> e.alertId() == alertId).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}

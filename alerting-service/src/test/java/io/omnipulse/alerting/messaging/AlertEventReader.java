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
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads everything on cx.alert-events.v1 from the beginning, with the catalog serdes. */
final class AlertEventReader implements AutoCloseable {

    private final KafkaConsumer<String, AlertEvent> consumer;
    private final List<AlertEvent> seen = new CopyOnWriteArrayList<>();

    AlertEventReader() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Topics.ALERT_EVENTS.keySerde().deserializer(), Topics.ALERT_EVENTS.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERT_EVENTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once more and answers the events seen so far for one alert, in order. */
    List<AlertEvent> eventsOf(long alertId) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
        return seen.stream().filter(e -> e != null && e.alertId() == alertId).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}

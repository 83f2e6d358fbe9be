package io.omnipulse.e2e;

import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A topic read from the moment it is opened as another system would read it: every record through the
 * CloudEvents SDK's {@link CloudEventDeserializer} (committed records only, as scoring writes in
 * transactions).
 */
final class CloudEventsTopic implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<CloudEvent> seen = new ArrayList<>();

    CloudEventsTopic(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-cloudevents-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new CloudEventDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // the lazy seek resolved before the test publishes
    }

    /** The first event since opening that matches {@code wanted}, waiting up to a minute for it. */
    CloudEvent first(Predicate<CloudEvent> wanted) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
            return seen.stream().filter(wanted).findFirst().orElse(null);
        }, event -> event != null);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

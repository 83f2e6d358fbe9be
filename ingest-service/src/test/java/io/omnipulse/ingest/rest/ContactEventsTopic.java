package io.omnipulse.ingest.rest;

import static org.awaitility.Awaitility.await;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads cx.contact-events.v1 from the moment it is opened, with a plain consumer in a group of its
 * own, so a test sees exactly the records published after it started.
 */
final class ContactEventsTopic implements AutoCloseable {

    private final KafkaConsumer<String, ContactEvent> consumer;
    private final List<ConsumerRecord<String, ContactEvent>> seen = new ArrayList<>();

    private ContactEventsTopic(KafkaConsumer<String, ContactEvent> consumer) {
        this.consumer = consumer;
    }

    static ContactEventsTopic fromNow() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        KafkaConsumer<String, ContactEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Topics.CONTACT_EVENTS.keySerde().deserializer(), Topics.CONTACT_EVENTS.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONTACT_EVENTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the lazy seek now, before the test publishes
        return new ContactEventsTopic(consumer);
    }

    /** Polls until a record matching {@code until} arrived; returns every record seen since opening. */
    List<ConsumerRecord<String, ContactEvent>> awaitRecord(Predicate<ContactEvent> until) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(r -> until.test(r.value()));
        });
        return List.copyOf(seen);
    }

    /** Polls until at least {@code count} records matching {@code filter} arrived; returns those. */
    List<ConsumerRecord<String, ContactEvent>> awaitRecords(int count, Predicate<ContactEvent> filter) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(r -> filter.test(r.value())).count() >= count;
        });
        return seen.stream().filter(r -> filter.test(r.value())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}

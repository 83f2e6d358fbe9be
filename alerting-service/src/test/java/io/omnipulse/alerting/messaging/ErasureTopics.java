package io.omnipulse.alerting.messaging;

import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests erasures the way profile-service does (cx.erasures.v1, keyed by customer id, catalog
 * serdes) and reads everything on cx.erasure-progress.v1 from the beginning.
 */
final class ErasureTopics implements AutoCloseable {

    private final TopicWriter<ErasureRequested> requests = new TopicWriter<>(Topics.ERASURES);
    private final KafkaConsumer<String, ErasureProgress> progress;
    private final List<ErasureProgress> seen = new CopyOnWriteArrayList<>();

    ErasureTopics() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        progress = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Topics.ERASURE_PROGRESS.keySerde().deserializer(), Topics.ERASURE_PROGRESS.valueSerde().deserializer());
        List<TopicPartition> partitions = progress.partitionsFor(Topics.ERASURE_PROGRESS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        progress.assign(partitions);
        progress.seekToBeginning(partitions);
    }

    /** Sends the request under its customer id and waits for the broker's acknowledgement. */
    void request(ErasureRequested request) {
        requests.send(request.customerId(), request);
    }

    /** Polls once more and answers the progress records seen so far of one erasure and step, in order. */
    List<ErasureProgress> progressOf(String erasureId, String step) {
        progress.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
        return seen.stream().filter(p -> p != null && p.erasureId().equals(erasureId) && p.step().equals(step)).toList();
    }

    @Override
    public void close() {
        requests.close();
        progress.close();
    }
}

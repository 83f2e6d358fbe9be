package io.omnipulse.devstack.bench;

import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where the time from a POST to its customer's score goes: when an answer of a new customer first
 * shows, to a read-committed consumer, on each topic it passes through. Ingest publishes it on the
 * contact events; profile-service resolves it onto the resolved events; scoring-service attributes it
 * and tallies it into the customer's score, in one transaction (the shared scope keys' scores come a
 * hop later, after scoring's repartition by scope key). Every hop but ingest's ends with a commit of
 * exactly-once transactions, so each shows what a commit interval and a commit cost downstream readers.
 */
final class HopDelays implements AutoCloseable {

    /** The stages, in the order an answer passes them. */
    enum Stage {
        INGESTED("ingest (POST to cx.contact-events.v1)"),
        RESOLVED("profile-service (to cx.resolved-events.v1)"),
        SCORED("scoring-service (to cx.score-updates.v1)");

        private final String hop;

        Stage(String hop) {
            this.hop = hop;
        }
    }

    private static final String CUSTOMER = "customer";
    private static final String ALL_TIME = "all";

    private final KafkaConsumer<byte[], byte[]> consumer;
    /** Per posted customer id: nanos when posted, then when first seen at each stage (0: not yet). */
    private final Map<String, long[]> seen = new ConcurrentHashMap<>();

    /** Positioned at the end of every topic of the path, before the first answer is posted. */
    HopDelays(String bootstrap) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.CONTACT_EVENTS.name(), Topics.RESOLVED_EVENTS.name(),
                Topics.SCORE_UPDATES.name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the ends now
    }

    /** Call just before the answer of {@code customerId} is posted. */
    void posted(String customerId) {
        long[] times = new long[Stage.values().length + 1];
        times[0] = System.nanoTime();
        seen.put(customerId, times);
    }

    /** Reads until {@code count} posted customers were scored or the deadline passed; the number scored. */
    int await(int count, long deadlineNanos) {
        int scored = 0;
        while (scored < count && System.nanoTime() < deadlineNanos) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                long now = System.nanoTime();
                Stage stage = stageOf(r.topic());
                String customer = r.key() == null ? null : customerOf(stage, new String(r.key(), StandardCharsets.UTF_8));
                long[] times = customer == null ? null : seen.get(customer);
                if (times != null && times[stage.ordinal() + 1] == 0) {
                    times[stage.ordinal() + 1] = now;
                    scored += stage == Stage.SCORED ? 1 : 0;
                }
            }
        }
        return scored;
    }

    /** Percentiles of the delay from the POST to the customer's all-time score, over the scored answers. */
    String endToEnd() {
        int scored = Stage.SCORED.ordinal() + 1;
        List<Long> delays = seen.values().stream().filter(t -> t[scored] != 0).map(t -> (t[scored] - t[0]) / 1_000_000).toList();
        return delays.isEmpty() ? "none seen" : SteadyLoad.percentiles(delays);
    }

    /** Percentiles of each hop's delay (from the stage before; the first from the POST), over the answers seen at every stage. */
    List<String> report() {
        List<long[]> complete = seen.values().stream().filter(t -> Arrays.stream(t).allMatch(nanos -> nanos != 0)).toList();
        List<String> lines = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            int i = stage.ordinal() + 1;
            List<Long> delays = complete.stream().map(t -> (t[i] - t[i - 1]) / 1_000_000).toList();
            lines.add(String.format("  %-65s %s", stage.hop, delays.isEmpty() ? "none seen" : SteadyLoad.percentiles(delays)));
        }
        return lines;
    }

    private Stage stageOf(String topic) {
        if (topic.equals(Topics.CONTACT_EVENTS.name())) {
            return Stage.INGESTED;
        }
        if (topic.equals(Topics.RESOLVED_EVENTS.name())) {
            return Stage.RESOLVED;
        }
        return Stage.SCORED;
    }

    /** The customer a key names at a stage: events are keyed by the customer id; scores name it in their record key. */
    private static String customerOf(Stage stage, String key) {
        return switch (stage) {
            case INGESTED, RESOLVED -> key;
            case SCORED -> CUSTOMER.equals(ScoreUpdated.scopeOfRecordKey(key)) && ALL_TIME.equals(ScoreUpdated.windowOfRecordKey(key))
                    ? key.substring(CUSTOMER.length() + 1, key.lastIndexOf(':')) : null;
        };
    }

    @Override
    public void close() {
        consumer.close();
    }
}

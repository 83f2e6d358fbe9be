package io.omnipulse.devstack.bench;

import io.omnipulse.devstack.DevApiKey;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topics;
import io.omnipulse.events.serde.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * End-to-end delay from {@code POST /v1/events} (an NPS answer of a new customer) to the customer's
 * updated score on cx.score-updates.v1, through ingest, profile-service (identity resolution) and
 * scoring-service, against a running stack (./omnipulse). Posts at a steady rate, reads the scores
 * topic as a read-committed consumer (what a dashboard sees) and prints percentiles, in all and by hop
 * ({@link HopDelays}: when each answer first showed on each topic of its path). Both ends use this
 * machine's clock.
 * <pre>
 * java -cp "devstack/target/devstack-0.1.0-SNAPSHOT.jar:devstack/target/lib/*" \
 *   io.omnipulse.devstack.bench.ScoreLatencyBench 500 20
 * </pre>
 */
public final class ScoreLatencyBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    private ScoreLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        String ingest = args.length > 2 ? args[2] : "http://localhost:8081";
        String bootstrap = args.length > 3 ? args[3] : "localhost:9092";
        String run = "score-bench-" + System.currentTimeMillis();
        int scored;
        try (HopDelays hops = new HopDelays(bootstrap)) {
            String apiKey = DevApiKey.read(Path.of(".omnipulse"));
            Thread poster = new Thread(() -> post(ingest, apiKey, run, count, rate, hops), "score-bench-poster");
            poster.start();
            scored = hops.await(count, System.nanoTime() + Duration.ofMinutes(10).toNanos());
            poster.join();
            System.out.printf("posted %d NPS answers at %.0f/s (%d refused); %d customer scores seen%n", count, rate,
                    REFUSED.get(), scored);
            System.out.println("POST -> score update: " + hops.endToEnd());
            System.out.println("by hop, each from the one before (read-committed, as a downstream reader sees it):");
            hops.report().forEach(System.out::println);
        }
    }

    /**
     * Reads score updates until {@code count} posted customers' first all-time score was seen (the
     * answer becoming visible) or the deadline passed; adds each one's delay from its POST.
     */
    static void awaitScores(KafkaConsumer<String, ScoreUpdated> consumer, Map<String, Long> postedNanos,
            List<Long> delays, int count, long deadlineNanos) {
        while (delays.size() < count && System.nanoTime() < deadlineNanos) {
            for (ConsumerRecord<String, ScoreUpdated> r : consumer.poll(Duration.ofMillis(50))) {
                ScoreUpdated update = r.value();
                Long sent = "customer".equals(update.scope()) && "all".equals(update.window())
                        ? postedNanos.remove(update.key()) : null;
                if (sent != null) {
                    delays.add((System.nanoTime() - sent) / 1_000_000);
                }
            }
        }
    }

    /** A read-committed consumer of cx.score-updates.v1 positioned at its end. */
    static KafkaConsumer<String, ScoreUpdated> scoresFromNow(String bootstrap) {
        var topic = Topics.SCORE_UPDATES;
        KafkaConsumer<String, ScoreUpdated> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the first answer is posted
        return consumer;
    }

    private static void post(String ingest, String apiKey, String run, int count, double rate, HopDelays hops) {
        SteadyLoad load = new SteadyLoad(rate);
        for (int i = 0; i < count; i++) {
            load.awaitTurn(i);
            CustomerIds customer = new CustomerIds(null, run + "-" + i + "@example.com", null, null, null);
            ContactEvent answer = new ContactEvent(run + "-" + i, "score-bench", EventType.FEEDBACK, Channel.EMAIL,
                    Instant.now(), customer, null, null, "bench", null,
                    new FeedbackDetails(Metric.NPS, i % 11, null, null, null), null);
            hops.posted(CustomerKeys.customerId(customer));
            try {
                byte[] body = EventJson.mapper().writeValueAsBytes(answer);
                HTTP.sendAsync(HttpRequest.newBuilder(URI.create(ingest + "/v1/events"))
                        .header("Content-Type", "application/json").header(DevApiKey.HEADER, apiKey)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.discarding())
                        .thenAccept(r -> {
                            if (r.statusCode() != 202) {
                                REFUSED.incrementAndGet();
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

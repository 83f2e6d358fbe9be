package io.omnipulse.devstack.bench;

import io.omnipulse.devstack.DevApiKey;
import io.omnipulse.devstack.DevCredentials;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.serde.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * How long an answer takes to show while the pipeline is busy: simulated traffic is posted at a
 * given rate (open loop, in batches) and, meanwhile, probes at a steady few per second: detractor
 * answers of new customers, each timed from its POST to its customer's all-time score on
 * cx.score-updates.v1 (what a dashboard reading the topic sees) and to its stored alert (the alert's
 * {@code createdAt}). Both ends use this machine's clock. Meanwhile the query APIs are asked about
 * those customers ({@link QueryLatency}).
 */
final class LatencyUnderLoad {

    /** Delays in milliseconds, sorted; and the query delays meanwhile. */
    record Result(List<Long> toScore, List<Long> toAlert, QueryLatency.Result queries) {
    }

    private static final double PROBES_PER_SECOND = 10;
    private static final Duration SETTLE = Duration.ofMinutes(2);
    /** Queries ask about probes posted at least this long ago, whose profile and scores should exist. */
    private static final Duration QUERY_AFTER = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String ingestUrl;
    private final String apiKey;
    private final String bearer;
    private final String profileUrl;
    private final String scoringUrl;
    private final String alertingUrl;
    private final String bootstrap;
    /** The probes so far, in the order they were posted. */
    private final List<Probe> probed = new CopyOnWriteArrayList<>();

    private record Probe(String customerId, long postedNanos) {
    }

    LatencyUnderLoad(BenchOptions options) {
        this.ingestUrl = options.ingestUrl();
        this.apiKey = options.apiKey();
        this.bearer = options.bearer();
        this.profileUrl = options.profileUrl();
        this.scoringUrl = options.scoringUrl();
        this.alertingUrl = options.alertingUrl();
        this.bootstrap = options.bootstrap();
    }

    Result run(IngestLoad load, List<ContactEvent> traffic, int batchSize, double rate) throws Exception {
        String team = "latency-" + System.currentTimeMillis();
        int probes = (int) (traffic.size() / rate * PROBES_PER_SECOND);
        Map<String, Long> postedNanos = new ConcurrentHashMap<>();
        Map<String, Instant> postedAt = new ConcurrentHashMap<>();
        List<Long> toScore = new ArrayList<>();
        QueryLatency.Result queries;
        try (KafkaConsumer<String, ScoreUpdated> scores = ScoreLatencyBench.scoresFromNow(bootstrap)) {
            CompletableFuture<IngestLoad.Result> background = CompletableFuture.supplyAsync(() -> {
                try {
                    return load.run(traffic, batchSize, rate);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            Thread poster = new Thread(() -> probe(team, probes, postedNanos, postedAt), "latency-probes");
            poster.start();
            QueryLatency queryLatency = new QueryLatency(profileUrl, scoringUrl, alertingUrl, bearer,
                    i -> probed.get(i).customerId(), DevCredentials.TEAM);
            CompletableFuture<QueryLatency.Result> asked = CompletableFuture.supplyAsync(
                    () -> queryLatency.run(probes / PROBES_PER_SECOND, this::probedLongEnoughAgo));
            long deadline = System.nanoTime() + (long) (probes / PROBES_PER_SECOND * 1e9) + SETTLE.toNanos();
            ScoreLatencyBench.awaitScores(scores, postedNanos, toScore, probes, deadline);
            poster.join();
            background.join();
            queries = asked.join();
        }
        List<Long> toAlert = new ArrayList<>();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            toAlert.clear();
            AlertLatencyBench.collect(alertingUrl, bearer, team, postedAt, toAlert, new ArrayList<>());
            if (toAlert.size() >= probes) {
                break;
            }
            Thread.sleep(500);
        }
        Collections.sort(toScore);
        Collections.sort(toAlert);
        return new Result(toScore, toAlert, queries);
    }

    /** How many of the probes (in posting order) were posted long enough ago to be queried. */
    private int probedLongEnoughAgo() {
        long before = System.nanoTime() - QUERY_AFTER.toNanos();
        int known = 0;
        while (known < probed.size() && probed.get(known).postedNanos() < before) {
            known++;
        }
        return known;
    }

    private void probe(String team, int count, Map<String, Long> postedNanos, Map<String, Instant> postedAt) {
        SteadyLoad steady = new SteadyLoad(PROBES_PER_SECOND);
        for (int i = 0; i < count; i++) {
            steady.awaitTurn(i);
            CustomerIds customer = new CustomerIds(null, team + "-" + i + "@example.com", null, null, null);
            ContactEvent detractor = new ContactEvent(team + "-" + i, "latency-bench", EventType.FEEDBACK,
                    Channel.EMAIL, Instant.now(), customer, null, null, team, null,
                    new FeedbackDetails(Metric.NPS, 2, null, null, null), null);
            String customerId = CustomerKeys.customerId(customer);
            try {
                byte[] body = EventJson.mapper().writeValueAsBytes(detractor);
                postedNanos.put(customerId, System.nanoTime());
                postedAt.put(customerId, Instant.now());
                probed.add(new Probe(customerId, System.nanoTime()));
                http.sendAsync(HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/events"))
                        .header("Content-Type", "application/json").header(DevApiKey.HEADER, apiKey)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}

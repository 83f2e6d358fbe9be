package io.omnipulse.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnipulse.devstack.DevApiKey;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.serde.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Load generator for the closed loop: posts detractor answers, one new customer each, at a steady
 * rate to a running stack (./omnipulse), then reads the alerts back and reports the delay from the
 * POST to the stored alert ({@code createdAt}) as percentiles, and the alerts stored per second.
 * Both ends use this machine's clock. Run:
 * {@code java -cp "devstack/target/devstack-*.jar:devstack/target/lib/*" io.omnipulse.devstack.bench.AlertLatencyBench 1000 50}
 */
public final class AlertLatencyBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlertLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 50;
        String ingest = args.length > 2 ? args[2] : "http://localhost:8081";
        String alerting = args.length > 3 ? args[3] : "http://localhost:8084";
        String run = "bench-" + System.currentTimeMillis();
        String apiKey = DevApiKey.read(Path.of(".omnipulse"));

        Map<String, Instant> posted = new ConcurrentHashMap<>();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        long start = System.nanoTime();
        SteadyLoad load = new SteadyLoad(rate);
        for (int i = 0; i < count; i++) {
            load.awaitTurn(i);
            String email = run + "-" + i + "@example.com";
            ContactEvent detractor = new ContactEvent(run + "-" + i, "latency-bench", EventType.FEEDBACK,
                    Channel.EMAIL, Instant.now(), new CustomerIds(null, email, null, null, null), null, null, "bench",
                    null, new FeedbackDetails(Metric.NPS, 2, null, "benchmark detractor", null), null);
            String customerId = CustomerKeys.customerId(detractor.customer());
            posted.put(customerId, Instant.now());
            // Asynchronous, so a slow answer never lowers the offered rate (no coordinated omission).
            responses.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(ingest + "/v1/events"))
                    .header("Content-Type", "application/json").header(DevApiKey.HEADER, apiKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(detractor)))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            HttpResponse<String> r = response.join();
            if (r.statusCode() != 202) {
                throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
            }
        }
        double postSeconds = (System.nanoTime() - start) / 1e9;
        List<Long> delays = new ArrayList<>();
        List<Instant> stored = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (delays.size() < count && System.nanoTime() < deadline) {
            delays.clear();
            stored.clear();
            collect(alerting, BenchOptions.bearer(Path.of(".omnipulse")), "bench", posted, delays, stored);
            Thread.sleep(500);
        }
        Collections.sort(stored);
        double span = Duration.between(stored.get(0), stored.get(stored.size() - 1)).toMillis() / 1000.0;
        System.out.printf("posted %d detractors in %.1f s (%.1f/s); %d alerts stored%n", count, postSeconds,
                count / postSeconds, delays.size());
        System.out.println("POST -> alert stored: " + SteadyLoad.percentiles(delays));
        System.out.printf("alerts stored per second over the run: %.1f%n", (stored.size() - 1) / Math.max(span, 1e-3));
    }

    /** The delays from POST to stored alert of the posted customers' alerts of {@code team}. */
    static void collect(String alerting, String bearer, String team, Map<String, Instant> posted, List<Long> delays,
            List<Instant> stored) throws Exception {
        for (int page = 0; ; page++) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(
                    alerting + "/v1/alerts?team=" + team + "&size=200&page=" + page)).header("Authorization", bearer).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode items = EventJson.mapper().readTree(r.body()).path("items");
            if (items.isEmpty()) {
                return;
            }
            for (JsonNode alert : items) {
                Instant sent = posted.get(alert.path("customerId").asText());
                if (sent != null) {
                    Instant created = Instant.parse(alert.path("createdAt").asText());
                    delays.add(Duration.between(sent, created).toMillis());
                    stored.add(created);
                }
            }
        }
    }
}

package io.omnipulse.devstack.simulator;

import io.omnipulse.devstack.DevApiKey;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.serde.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds simulated omnichannel traffic into ingest-service's {@code POST /v1/events} at a steady
 * rate, in batches, the way a contact-center integration would.
 */
public final class TrafficSimulator implements AutoCloseable {

    private static final int POPULATION = 500;
    private static final long TICK_MILLIS = 500;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI eventsUri;
    private final String apiKey;
    private final JourneyGenerator generator;
    private final double eventsPerSecond;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "traffic-simulator"));
    private final List<ContactEvent> pending = new ArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private double budget;

    private TrafficSimulator(String ingestBaseUrl, String apiKey, double eventsPerSecond, long seed) {
        this.eventsUri = URI.create(ingestBaseUrl + "/v1/events");
        this.apiKey = apiKey;
        this.generator = new JourneyGenerator(seed, POPULATION);
        this.eventsPerSecond = eventsPerSecond;
    }

    public static TrafficSimulator start(String ingestBaseUrl, String apiKey, double eventsPerSecond, long seed) {
        TrafficSimulator sim = new TrafficSimulator(ingestBaseUrl, apiKey, eventsPerSecond, seed);
        sim.scheduler.scheduleAtFixedRate(sim::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return sim;
    }

    private void tick() {
        budget += eventsPerSecond * TICK_MILLIS / 1000.0;
        while (pending.size() < budget) {
            pending.addAll(generator.nextJourney(Instant.now()));
        }
        int n = (int) Math.min(pending.size(), Math.floor(budget));
        if (n == 0) {
            return;
        }
        List<ContactEvent> batch = new ArrayList<>(pending.subList(0, n));
        pending.subList(0, n).clear();
        budget -= n;
        post(batch);
    }

    private void post(List<ContactEvent> batch) {
        try {
            HttpRequest request = HttpRequest.newBuilder(eventsUri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(DevApiKey.HEADER, apiKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(batch)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                accepted.addAndGet(batch.size());
            } else {
                rejected.addAndGet(batch.size());
                System.err.println("simulator: ingest answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            rejected.addAndGet(batch.size());
            System.err.println("simulator: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

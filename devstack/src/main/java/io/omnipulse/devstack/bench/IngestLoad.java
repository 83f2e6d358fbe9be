package io.omnipulse.devstack.bench;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.serde.EventJson;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load on {@code POST /v1/events}: requests leave at a fixed rate whatever the answers do,
 * at most {@code connections} at a time, and each one's latency counts from when it was due, not from
 * when a free connection let it go (no coordinated omission). A stack that cannot keep up shows it as
 * a lower accepted rate and a growing p99, not as a politely slower client.
 */
final class IngestLoad {

    /** What a load run gave: events accepted per second (first due time to last answer) and latency. */
    record Result(double eventsPerSecond, long p50Millis, long p99Millis, int refused) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final int connections;

    IngestLoad(String ingestUrl, int connections) {
        this.endpoint = URI.create(ingestUrl + "/v1/events");
        this.connections = connections;
    }

    /**
     * Posts {@code events} in requests of {@code perRequest} (1: one event as an object, more: an
     * array) at {@code eventsPerSecond}.
     */
    Result run(List<ContactEvent> events, int perRequest, double eventsPerSecond) throws InterruptedException {
        List<byte[]> bodies = bodies(events, perRequest);
        SteadyLoad load = new SteadyLoad(eventsPerSecond / perRequest);
        Semaphore inFlight = new Semaphore(connections);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(bodies.size()));
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger acceptedEvents = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        long start = System.nanoTime();
        List<CompletableFuture<?>> sent = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            load.awaitTurn(i);
            long due = start + i * load.intervalNanos();
            int size = Math.min(perRequest, events.size() - i * perRequest);
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                inFlight.release();
                long now = System.nanoTime();
                lastAnswer.accumulateAndGet(now, Math::max);
                latencies.add((now - due) / 1_000_000);
                if (error == null && response.statusCode() == 202) {
                    acceptedEvents.addAndGet(size);
                } else {
                    refused.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = (lastAnswer.get() - start) / 1e9;
        return new Result(acceptedEvents.get() / seconds, SteadyLoad.percentile(sorted, 50),
                SteadyLoad.percentile(sorted, 99), refused.get());
    }

    private static List<byte[]> bodies(List<ContactEvent> events, int perRequest) {
        List<byte[]> bodies = new ArrayList<>();
        try {
            for (int i = 0; i < events.size(); i += perRequest) {
                Object body = perRequest == 1 ? events.get(i) : events.subList(i, Math.min(events.size(), i + perRequest));
                bodies.add(EventJson.mapper().writeValueAsBytes(body));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return bodies;
    }
}

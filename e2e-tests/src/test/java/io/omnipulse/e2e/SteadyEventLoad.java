package io.omnipulse.e2e;

import io.omnipulse.devstack.DevApiKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop client of ingest-service: a new request every {@code 1/rate} seconds whatever the
 * answers (so a stalled pipeline is not spared load), from a fixed set of simple customers (one
 * e-mail address each, one channel and team each). Three in five events are interactions, the rest
 * NPS answers (a quarter of them detractors); occurredAt lies anywhere in the last three days, so
 * events arrive out of event-time order; one request in twenty re-sends an event already accepted
 * (same source and eventId, same body). A 503 or a failed connection is retried as a client would,
 * after the answer's Retry-After (at most 5 s), until the event is accepted; only events answered
 * 202 are owed.
 */
final class SteadyEventLoad implements AutoCloseable {

    static final String[] CHANNELS = {"email", "chat", "social", "call"};
    static final String[] TEAMS = {"billing", "delivery", "returns"};
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

    /** One event as sent: what the oracle needs of it, and its body for re-sends. */
    record Sent(String eventId, int customer, boolean feedback, int score, String body) {
    }

    private final String apiKey;
    private final String url;
    private final int customers;
    private final Random random;
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final Map<String, Sent> accepted = new ConcurrentHashMap<>();
    private final List<Sent> acceptedInOrder = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong duplicatesSent = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private long next;

    SteadyEventLoad(String ingestBaseUrl, String apiKey, int customers, long seed) {
        this.url = ingestBaseUrl + "/v1/events";
        this.apiKey = apiKey;
        this.customers = customers;
        this.random = new Random(seed);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    static String email(int customer) {
        return "fault-" + customer + "@example.com";
    }

    static String channel(int customer) {
        return CHANNELS[customer % CHANNELS.length];
    }

    void start(double eventsPerSecond) {
        long periodMicros = Math.round(1_000_000 / eventsPerSecond);
        timer.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Stops sending new events; requests already sent go on being retried until accepted. */
    void stopNewEvents() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Re-sends {@code count} events accepted earlier (clients re-send after an outage too). */
    void resendAccepted(int count) {
        for (int i = 0; i < count; i++) {
            Sent old = randomAccepted();
            if (old != null) {
                duplicatesSent.incrementAndGet();
                send(old);
            }
        }
    }

    private void tick() {
        try {
            if (random.nextInt(20) == 0) {
                Sent old = randomAccepted();
                if (old != null) {
                    duplicatesSent.incrementAndGet();
                    send(old);
                    return;
                }
            }
            send(newEvent());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: keep the load going, and say why.
            synchronized (refused) {
                refused.add("load generator: " + e);
            }
        }
    }

    private synchronized Sent randomAccepted() {
        return acceptedInOrder.isEmpty() ? null : acceptedInOrder.get(random.nextInt(acceptedInOrder.size()));
    }

    private synchronized Sent newEvent() {
        long n = next++;
        int customer = random.nextInt(customers);
        // Whole milliseconds, at most three days ago: out of order, and well inside scoring's 7-day grace.
        Instant at = Instant.now().minusMillis((long) (random.nextDouble() * Duration.ofDays(3).toMillis()))
                .truncatedTo(ChronoUnit.MILLIS);
        String team = TEAMS[customer % TEAMS.length];
        if (random.nextInt(5) < 3) {
            String id = "fi-" + n;
            String body = """
                    {"eventId":"%s","source":"fault-helpdesk","type":"interaction","channel":"%s","occurredAt":"%s",\
                    "customer":{"email":"%s"},"team":"%s","agentId":"a-%d","conversationId":"c-%d",\
                    "interaction":{"direction":"inbound","status":"resolved"}}"""
                    .formatted(id, channel(customer), at, email(customer), team, customer % 7, n);
            return new Sent(id, customer, false, -1, body);
        }
        int score = random.nextInt(4) == 0 ? random.nextInt(7) : 7 + random.nextInt(4);
        String id = "fs-" + n;
        String body = """
                {"eventId":"%s","source":"fault-survey","type":"feedback","channel":"%s","occurredAt":"%s",\
                "customer":{"email":"%s"},"team":"%s","feedback":{"metric":"nps","score":%d}}"""
                .formatted(id, channel(customer), at, email(customer), team, score);
        return new Sent(id, customer, true, score, body);
    }

    private void send(Sent event) {
        sent.incrementAndGet();
        inFlight.incrementAndGet();
        attempt(event);
    }

    private void attempt(Sent event) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header(DevApiKey.HEADER, apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event.body())).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 202) {
                accept(event);
                inFlight.decrementAndGet();
            } else if (error == null && response.statusCode() >= 400 && response.statusCode() < 500) {
                synchronized (refused) {
                    refused.add(event.eventId() + ": " + response.statusCode() + " " + response.body());
                }
                inFlight.decrementAndGet();
            } else {
                retries.incrementAndGet();
                long delay = error == null ? retryAfterMillis(response) : 500;
                retryLater(event, delay);
            }
        });
    }

    private void retryLater(Sent event, long delayMillis) {
        // Not on the timer: it is shut down when the load stops, and retries must go on.
        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS).execute(() -> attempt(event));
    }

    private static long retryAfterMillis(HttpResponse<String> response) {
        long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
        return Math.min(Math.max(seconds, 0) * 1000, MAX_RETRY_DELAY.toMillis()) + 100;
    }

    private void accept(Sent event) {
        if (accepted.putIfAbsent(event.eventId(), event) == null) {
            synchronized (this) {
                acceptedInOrder.add(event);
            }
        }
    }

    Map<String, Sent> accepted() {
        return Map.copyOf(accepted);
    }

    List<String> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }

    long sent() {
        return sent.get();
    }

    long duplicatesSent() {
        return duplicatesSent.get();
    }

    long retries() {
        return retries.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

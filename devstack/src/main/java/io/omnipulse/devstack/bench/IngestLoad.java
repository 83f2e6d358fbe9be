package io.omnipulse.devstack.bench;

import io.omnipulse.devstack.DevApiKey;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.serde.EventJson;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load on {@code POST /v1/events}: requests leave at a fixed rate whatever the answers do,
 * over at most {@code connections} connections, and each one's latency counts from when it was due,
 * not from when a free connection let it go (no coordinated omission). A stack that cannot keep up
 * shows it as a lower accepted rate and a growing p99, not as a politely slower client. Vert.x sends
 * them: the generator shares two cores with the stack, so it must cost little per request.
 */
final class IngestLoad implements AutoCloseable {

    /** What a load run gave: events accepted per second (first due time to last answer) and latency. */
    record Result(double eventsPerSecond, long p50Millis, long p99Millis, int refused) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http;
    private final RequestOptions post;

    IngestLoad(String ingestUrl, String apiKey, int connections) {
        URI uri = URI.create(ingestUrl);
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.post = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI("/v1/events").putHeader("Content-Type", "application/json")
                .putHeader(DevApiKey.HEADER, apiKey).setTimeout(30_000);
    }

    /**
     * Posts {@code events} in requests of {@code perRequest} (1: one event as an object, more: an
     * array) at {@code eventsPerSecond}.
     */
    Result run(List<ContactEvent> events, int perRequest, double eventsPerSecond) throws InterruptedException {
        List<Body> bodies = bodies(events, perRequest);
        long start = System.nanoTime();
        return send(bodies, eventsPerSecond / perRequest).result(start);
    }

    /**
     * As {@link #run}, but as a client that must get every event stored: refused requests (a 503 of
     * load shedding, a timeout) are sent again a second later, for at most a minute. The rate counts
     * from the first request to the last answer; latencies and refusals are those of the first attempt.
     */
    Result runUntilAccepted(List<ContactEvent> events, int perRequest, double eventsPerSecond)
            throws InterruptedException {
        List<Body> bodies = bodies(events, perRequest);
        long start = System.nanoTime();
        Round first = send(bodies, eventsPerSecond / perRequest);
        Round last = first;
        int accepted = first.acceptedEvents();
        for (int attempt = 0; !last.refused().isEmpty(); attempt++) {
            if (attempt == 60) {
                throw new IllegalStateException(last.refused().size() + " requests still refused after a minute");
            }
            Thread.sleep(1_000); // the Retry-After of load shedding
            last = send(last.refused(), eventsPerSecond / perRequest);
            accepted += last.acceptedEvents();
        }
        Result firstAttempt = first.result(start);
        return new Result(accepted / ((last.lastAnswerNanos() - start) / 1e9), firstAttempt.p50Millis(),
                firstAttempt.p99Millis(), firstAttempt.refused());
    }

    /** One pass over some requests: what got in, when the last answer came, each latency, and what was refused. */
    private record Round(int acceptedEvents, long lastAnswerNanos, List<Long> sortedLatencies, List<Body> refused) {

        /** This pass as a load's result, its rate counted from {@code start}. */
        Result result(long start) {
            return new Result(acceptedEvents / ((lastAnswerNanos - start) / 1e9),
                    SteadyLoad.percentile(sortedLatencies, 50), SteadyLoad.percentile(sortedLatencies, 99), refused.size());
        }
    }

    /** A request body and how many events it carries. */
    private record Body(Buffer json, int events) {
    }

    private Round send(List<Body> bodies, double requestsPerSecond) throws InterruptedException {
        SteadyLoad load = new SteadyLoad(requestsPerSecond);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(bodies.size()));
        List<Body> refused = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger acceptedEvents = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            load.awaitTurn(i);
            long due = load.dueNanos(i);
            // Requests beyond the pool wait in Vert.x's queue; their wait counts in their latency.
            Body body = bodies.get(i);
            http.request(post).compose(request -> request.send(body.json())).onComplete(result -> {
                long now = System.nanoTime();
                lastAnswer.accumulateAndGet(now, Math::max);
                latencies.add((now - due) / 1_000_000);
                if (result.succeeded() && result.result().statusCode() == 202) {
                    acceptedEvents.addAndGet(body.events());
                } else {
                    refused.add(body);
                }
                answered.countDown();
            });
        }
        if (!answered.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(answered.getCount() + " requests unanswered after 5 minutes");
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Round(acceptedEvents.get(), lastAnswer.get(), sorted, List.copyOf(refused));
    }

    private static List<Body> bodies(List<ContactEvent> events, int perRequest) {
        List<Body> bodies = new ArrayList<>();
        try {
            for (int i = 0; i < events.size(); i += perRequest) {
                int end = Math.min(events.size(), i + perRequest);
                Object body = perRequest == 1 ? events.get(i) : events.subList(i, end);
                bodies.add(new Body(Buffer.buffer(EventJson.mapper().writeValueAsBytes(body)), end - i));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return bodies;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}

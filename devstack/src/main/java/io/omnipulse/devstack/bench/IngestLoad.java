package io.omnipulse.devstack.bench;

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

    IngestLoad(String ingestUrl, int connections) {
        URI uri = URI.create(ingestUrl);
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.post = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI("/v1/events").putHeader("Content-Type", "application/json").setTimeout(30_000);
    }

    /**
     * Posts {@code events} in requests of {@code perRequest} (1: one event as an object, more: an
     * array) at {@code eventsPerSecond}.
     */
    Result run(List<ContactEvent> events, int perRequest, double eventsPerSecond) throws InterruptedException {
        List<Buffer> bodies = bodies(events, perRequest);
        SteadyLoad load = new SteadyLoad(eventsPerSecond / perRequest);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(bodies.size()));
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger acceptedEvents = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(bodies.size());
        long start = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            load.awaitTurn(i);
            long due = load.dueNanos(i);
            int size = Math.min(perRequest, events.size() - i * perRequest);
            // Requests beyond the pool wait in Vert.x's queue; their wait counts in their latency.
            Buffer body = bodies.get(i);
            http.request(post).compose(request -> request.send(body)).onComplete(result -> {
                long now = System.nanoTime();
                lastAnswer.accumulateAndGet(now, Math::max);
                latencies.add((now - due) / 1_000_000);
                if (result.succeeded() && result.result().statusCode() == 202) {
                    acceptedEvents.addAndGet(size);
                } else {
                    refused.incrementAndGet();
                }
                answered.countDown();
            });
        }
        if (!answered.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(answered.getCount() + " requests unanswered after 5 minutes");
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = (lastAnswer.get() - start) / 1e9;
        return new Result(acceptedEvents.get() / seconds, SteadyLoad.percentile(sorted, 50),
                SteadyLoad.percentile(sorted, 99), refused.get());
    }

    private static List<Buffer> bodies(List<ContactEvent> events, int perRequest) {
        List<Buffer> bodies = new ArrayList<>();
        try {
            for (int i = 0; i < events.size(); i += perRequest) {
                Object body = perRequest == 1 ? events.get(i) : events.subList(i, Math.min(events.size(), i + perRequest));
                bodies.add(Buffer.buffer(EventJson.mapper().writeValueAsBytes(body)));
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

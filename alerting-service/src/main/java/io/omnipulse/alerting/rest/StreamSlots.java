package io.omnipulse.alerting.rest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.config.AlertingConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live streams open on this instance, bounded per token subject and in total, so that neither
 * one person's forgotten tabs nor a client reconnecting in a loop can hold every connection.
 * Subjects (often e-mail addresses) are only keys of this map: never in a log line, a message or a
 * metric label. {@code omnipulse_alerting_streams_open} is the number open.
 */
// At start, so that the gauge reads 0 before the first stream rather than being absent.
@Startup
@ApplicationScoped
public class StreamSlots {

    private final int maxTotal;
    private final int maxPerSubject;
    private final Map<String, Integer> perSubject = new HashMap<>();
    private int open;

    @Inject
    public StreamSlots(AlertingConfig config, MeterRegistry registry) {
        this(config.stream().maxConnections(), config.stream().maxConnectionsPerSubject(), registry);
    }

    StreamSlots(int maxTotal, int maxPerSubject, MeterRegistry registry) {
        this.maxTotal = maxTotal;
        this.maxPerSubject = maxPerSubject;
        Gauge.builder("omnipulse.alerting.streams.open", this, StreamSlots::open)
                .description("Live alert streams (GET /v1/alerts/stream) open on this instance")
                .register(registry);
    }

    /** A slot for one more stream of {@code subject}; TooManyStreamsException when there is none. */
    public synchronized Slot take(String subject) {
        if (open >= maxTotal) {
            throw new TooManyStreamsException("this instance already serves its maximum of " + maxTotal
                    + " live streams; try again later");
        }
        int mine = perSubject.getOrDefault(subject, 0);
        if (mine >= maxPerSubject) {
            throw new TooManyStreamsException("this credential already has " + maxPerSubject
                    + " live streams open; close one before opening another");
        }
        perSubject.put(subject, mine + 1);
        open++;
        return new Slot(subject);
    }

    public synchronized int open() {
        return open;
    }

    private synchronized void free(String subject) {
        perSubject.computeIfPresent(subject, (s, n) -> n <= 1 ? null : n - 1);
        open--;
    }

    /** One open stream: released when it ends, however often that is reported. */
    public final class Slot {

        private final String subject;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String subject) {
            this.subject = subject;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                free(subject);
            }
        }
    }
}

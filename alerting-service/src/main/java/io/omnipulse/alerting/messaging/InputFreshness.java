package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event-time freshness per input topic: now minus the timestamp of the last record handled
 * ({@code omnipulse_alerting_input_freshness_seconds{topic}}). The producers of every input set
 * the record timestamp to the event time, so this says how far behind the world alerting is,
 * which consumer lag (in records) does not.
 */
@ApplicationScoped
public class InputFreshness {

    private final Map<String, AtomicLong> lastTimestamp = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Clock clock;

    public InputFreshness(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void processed(String topic, long timestamp) {
        if (timestamp >= 0) {
            lastTimestamp.computeIfAbsent(topic, this::register).set(timestamp);
        }
    }

    private AtomicLong register(String topic) {
        AtomicLong last = new AtomicLong();
        Gauge.builder("omnipulse.alerting.input.freshness", last,
                l -> (clock.millis() - l.get()) / 1000.0)
                .description("Seconds between now and the timestamp of the last record handled from this topic")
                .tag("topic", topic).baseUnit("seconds").register(registry);
        return last;
    }
}

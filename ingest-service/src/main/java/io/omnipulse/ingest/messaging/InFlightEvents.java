package io.omnipulse.ingest.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load shedding: a bound on the events handed to the producer and not yet acknowledged by Kafka.
 * Past it a request is refused at once (503 with a short Retry-After) instead of waiting behind
 * the others for buffer space and, at worst, the producer's max.block.ms; so under overload a
 * client learns in milliseconds to back off, and the latency of what is accepted stays bounded.
 * Gauge: {@code omnipulse_ingest_in_flight_events}.
 */
@ApplicationScoped
public class InFlightEvents {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;

    InFlightEvents(IngestConfig config, MeterRegistry registry) {
        this.limit = config.publish().maxInFlightEvents();
        Gauge.builder("omnipulse.ingest.in.flight.events", inFlight, AtomicInteger::get)
                .description("Events sent to Kafka and not yet acknowledged").register(registry);
    }

    /**
     * Takes room for {@code events} events, or none: false when that would pass the bound. Room is
     * never refused while nothing is in flight, so that a batch larger than the bound still goes.
     */
    public boolean tryAdmit(int events) {
        while (true) {
            int current = inFlight.get();
            if (current > 0 && current + events > limit) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + events)) {
                return true;
            }
        }
    }

    /** Gives back the room of {@code events} events, once Kafka answered for them. */
    public void release(int events) {
        inFlight.addAndGet(-events);
    }

    public int limit() {
        return limit;
    }
}

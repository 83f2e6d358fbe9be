package io.omnipulse.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.events.ContactEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Business counters for ops: what flows in per channel and type, and why requests bounce.
 * Prometheus names: omnipulse_ingest_events_accepted_total, omnipulse_ingest_requests_rejected_total.
 */
@ApplicationScoped
public class IngestMetrics {

    public static final String INVALID = "invalid";
    public static final String TOO_LARGE = "too_large";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String UNAVAILABLE = "unavailable";
    public static final String OVERLOADED = "overloaded";
    public static final String RATE_LIMITED = "rate_limited";

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One event Kafka acknowledged. */
    public void accepted(ContactEvent event) {
        Counter.builder("omnipulse.ingest.events.accepted")
                .description("Events acknowledged by Kafka")
                .tag("channel", event.channel().wire())
                .tag("type", event.type().wire())
                .register(registry)
                .increment();
    }

    /**
     * One vendor event acknowledged but not used ({@code omnipulse_ingest_source_events_ignored_total}):
     * vendors retry anything but 2xx, so these are answered 200 and counted here instead. {@code reason} is
     * one of SourceMapping's fixed words, never the vendor's type, so the labels stay bounded.
     */
    public void ignored(String vendor, String reason) {
        Counter.builder("omnipulse.ingest.source.events.ignored")
                .description("Vendor webhook events acknowledged without being used, by vendor and reason")
                .tag("vendor", vendor)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** One request answered with an error; a rejected batch counts once. */
    public void rejected(String reason) {
        Counter.builder("omnipulse.ingest.requests.rejected")
                .description("Ingest requests rejected, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}

package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.service.ErasureService;
import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.serde.ErasureRequestedSerde;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code Topics.ERASURES}, requests to forget a customer, and for each one erases the
 * customer here ({@link ErasureService}, one transaction), then publishes this service's
 * {@link ErasureProgress} and only then lets the offset move. At least once: a crash between the
 * commit and the publish runs the request again, which changes nothing and publishes again (the
 * status is a fold, a repeat is harmless). Failures follow {@link FailurePolicy}: an unreadable
 * request is dead-lettered and the next one handled; the database or broker being away is waited out.
 *
 * <p>Counts {@code omnipulse_alerting_erasures_total{outcome="applied"|"repeated"}} and the rows they
 * changed, {@code omnipulse_alerting_erasure_rows_total}; no label names a customer.
 */
@ApplicationScoped
public class ErasureConsumer {

    /** The channel name; configured in application.properties on topic cx.erasures.v1. */
    public static final String CHANNEL = "erasures";

    private final ErasureService service;
    private final ErasureProgressPublisher progress;
    private final FailurePolicy policy;
    private final ErasureRequestedSerde serde = new ErasureRequestedSerde();
    private final Counter applied;
    private final Counter repeated;
    private final Counter rows;
    private final Counter unreadable;

    public ErasureConsumer(ErasureService service, ErasureProgressPublisher progress, FailurePolicy policy,
            MeterRegistry registry) {
        this.service = service;
        this.progress = progress;
        this.policy = policy;
        applied = erasures(registry, "applied");
        repeated = erasures(registry, "repeated");
        rows = Counter.builder("omnipulse.alerting.erasure.rows")
                .description("Rows anonymised or deleted by customer erasures").register(registry);
        unreadable = Counter.builder("omnipulse.alerting.erasures.unreadable")
                .description("Records dead-lettered because their value is not an ErasureRequested").register(registry);
    }

    /**
     * One polled batch; erasures are rare, so each request is its own transaction followed by its
     * publish, in order. A request that fails for good is dead-lettered on its own (the batch is then
     * handled one at a time; the requests before it run again, idempotently).
     */
    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> records) {
        policy.handleBatch(CHANNEL, records, serde, record -> unreadable.increment(),
                items -> items.forEach(item -> erase(item.value())), (record, key, request) -> erase(request));
    }

    private void erase(ErasureRequested request) {
        ErasureService.Result result = service.erase(request);
        progress.publish(ErasureProgress.done(request, ErasureProgressPublisher.STEP, result.completedAt(),
                result.rowsAffected()));
        if (result.repeated()) {
            repeated.increment();
        } else {
            applied.increment();
            rows.increment(result.rowsAffected());
        }
    }

    private static Counter erasures(MeterRegistry registry, String outcome) {
        return Counter.builder("omnipulse.alerting.erasures").tag("outcome", outcome)
                .description("Erasure requests handled: applied now, or done before (a redelivery)").register(registry);
    }
}

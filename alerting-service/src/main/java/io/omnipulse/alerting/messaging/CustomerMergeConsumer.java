package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.service.CustomerMergeService;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.serde.CustomersMergedSerde;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code Topics.CUSTOMER_MERGES}, published by profile-service when two customers turn out to
 * be one person, and hands each merge to {@link CustomerMergeService}, which moves the merged
 * customer's alerts to the survivor. Same delivery guarantees as {@link ResolvedEventConsumer}: at
 * least once, made idempotent by the merged id stored with the change; failures follow
 * {@link FailurePolicy} (bad records dead-lettered, an unavailable database waited out).
 */
@ApplicationScoped
public class CustomerMergeConsumer {

    /** The channel name; configured in application.properties on topic cx.customer-merges.v1. */
    public static final String CHANNEL = "customer-merges";

    private static final Logger LOG = Logger.getLogger(CustomerMergeConsumer.class);

    private final CustomerMergeService service;
    private final FailurePolicy policy;
    private final CustomersMergedSerde serde = new CustomersMergedSerde();
    private final MeterRegistry registry;
    private final Counter reassigned;
    private final Counter folded;
    private final Counter unreadable;

    public CustomerMergeConsumer(CustomerMergeService service, FailurePolicy policy, MeterRegistry registry) {
        this.service = service;
        this.policy = policy;
        this.registry = registry;
        reassigned = Counter.builder("omnipulse.alerting.merges.alerts.reassigned")
                .description("Unresolved alerts of a merged customer moved to the survivor").register(registry);
        folded = Counter.builder("omnipulse.alerting.merges.alerts.folded")
                .description("Unresolved alerts of a merged customer folded into the survivor's alert of the same cause")
                .register(registry);
        unreadable = Counter.builder("omnipulse.alerting.merges.unreadable")
                .description("Records dead-lettered because their value is not a CustomersMerged").register(registry);
    }

    /** One polled batch, one transaction (see ResolvedEventConsumer#consume). */
    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> records) {
        policy.handleBatch(CHANNEL, records, serde, record -> unreadable.increment(),
                items -> service.applyAll(items.stream().map(FailurePolicy.Item::value).toList())
                        .forEach(this::count),
                (record, key, merge) -> count(apply(record, merge)));
    }

    private void count(CustomerMergeService.Result result) {
        registry.counter("omnipulse.alerting.merges", "outcome", result.kind().name().toLowerCase(Locale.ROOT))
                .increment();
        reassigned.increment(result.reassigned());
        folded.increment(result.folded());
    }

    private CustomerMergeService.Result apply(ConsumerRecord<?, ?> record, CustomersMerged merge) {
        try {
            return service.apply(merge);
        } catch (RuntimeException e) {
            if (!Conflicts.isConflict(e)) {
                throw e;
            }
            // A person or an answer changed one of the alerts at the same moment (version check);
            // the rolled-back merge runs once more on what they wrote. A second failure goes to
            // FailurePolicy: a version conflict is retried with backoff, a unique violation dead-lettered.
            LOG.infof("write conflict on merge %s-%d@%d; retrying once", record.topic(), record.partition(),
                    record.offset());
            return service.apply(merge);
        }
    }
}

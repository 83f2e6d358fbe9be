package io.omnipulse.profile.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.profile.domain.Attribution;
import java.time.Instant;
import java.util.HashSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by an event's dedup key: waits for the event and the label of each of its identifiers,
 * then attributes the event to one customer, publishes it resolved and sends it to that profile.
 */
final class ResolverProcessor implements Processor<String, LoopMessage, String, Object> {

    private final ProfileMetrics metrics;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, PendingResolution> pending;

    ResolverProcessor(ProfileMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.pending = context.getStateStore(ProfileTopology.RESOLUTION_STORE);
    }

    @Override
    public void process(Record<String, LoopMessage> record) {
        LoopMessage message = record.value();
        if (record.key() == null || message == null
                || message.kind() != LoopMessage.Kind.EXPECT && message.kind() != LoopMessage.Kind.RESPONSE) {
            return;
        }
        PendingResolution known = pending.get(record.key());
        PendingResolution next = known == null ? PendingResolution.empty() : known;
        next = message.kind() == LoopMessage.Kind.EXPECT
                ? next.expecting(message.event(), message.cause().identifiers())
                : next.answered(message.identifier(), message.label(), Boolean.TRUE.equals(message.shared()));
        if (!next.complete()) {
            pending.put(record.key(), next);
            return;
        }
        pending.delete(record.key());
        resolve(record, next);
    }

    private void resolve(Record<String, LoopMessage> record, PendingResolution done) {
        ContactEvent event = done.event();
        Attribution attribution = Attribution.of(done.identifiers(), done.labels(), new HashSet<>(done.shared()));
        String customerId = attribution.customerId();
        metrics.resolved.increment();
        if (attribution.conflict()) {
            metrics.crmConflicts.increment();
            IdentityConflict conflict = new IdentityConflict("crm-conflict", event.source(), event.eventId(),
                    done.identifiers(), attribution.customerIds(), customerId, event.occurredAt(),
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(record.withKey(customerId).withValue(conflict), ProfileTopology.AUDIT_SINK);
        }
        context.forward(record.withKey(customerId).withValue(event), ProfileTopology.RESOLVED_SINK);
        context.forward(record.withKey(customerId).withValue(LoopMessage.fold(event)), ProfileTopology.LOOP_SINK);
    }
}

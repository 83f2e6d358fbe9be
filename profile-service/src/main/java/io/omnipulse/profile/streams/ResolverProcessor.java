package io.omnipulse.profile.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.profile.domain.Attribution;
import io.omnipulse.profile.domain.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by an event's dedup key: waits for the event and the label of each of its identifiers,
 * then attributes the event to one customer, publishes it resolved and sends it to that profile.
 * Only events with two or more identifiers come here; the identity resolves the others itself.
 *
 * <p>A resolved event's key is remembered (with the wall-clock time) for the replay retention: a
 * re-sent event is dropped here, because after a merge it would be published under another
 * customer id and a per-partition dedup downstream would count it twice.
 */
final class ResolverProcessor implements Processor<String, LoopMessage, String, Object> {

    private final ProfileMetrics metrics;
    private final Duration replayRetention;
    private final Duration purgeInterval;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, PendingResolution> pending;
    private KeyValueStore<String, Long> resolvedAt;

    ResolverProcessor(ProfileMetrics metrics, Duration replayRetention, Duration purgeInterval) {
        this.metrics = metrics;
        this.replayRetention = replayRetention;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.pending = context.getStateStore(ProfileTopology.RESOLUTION_STORE);
        this.resolvedAt = context.getStateStore(ProfileTopology.RESOLVED_KEYS_STORE);
        // Wall-clock, not stream time: expired keys must go even when no events arrive.
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::purgeExpired);
    }

    @Override
    public void process(Record<String, LoopMessage> record) {
        LoopMessage message = record.value();
        if (record.key() == null || message == null
                || message.kind() != LoopMessage.Kind.EXPECT && message.kind() != LoopMessage.Kind.RESPONSE) {
            return;
        }
        PendingResolution known = pending.get(record.key());
        boolean expect = message.kind() == LoopMessage.Kind.EXPECT;
        if (resolvedAt.get(record.key()) != null || expect && known != null && known.event() != null) {
            // A replay, resolved or still in flight; its claims' responses are dropped here as well.
            if (expect) {
                metrics.replays.increment();
            }
            return;
        }
        PendingResolution next = known == null ? PendingResolution.empty() : known;
        next = expect
                ? next.expecting(message.event(), message.cause().identifiers())
                : next.answered(message.identifier(), message.label(), Boolean.TRUE.equals(message.shared()));
        if (!next.complete()) {
            pending.put(record.key(), next);
            return;
        }
        pending.delete(record.key());
        resolvedAt.put(record.key(), context.currentSystemTimeMs());
        resolve(record, next);
    }

    private void resolve(Record<String, LoopMessage> record, PendingResolution done) {
        publish(context, metrics, record, done.event(), done.identifiers(), done.labels(), new HashSet<>(done.shared()));
    }

    /**
     * Attributes a resolved event to one customer, publishes it and sends it to that profile. Also
     * used by the identity for an event with a single identifier, which it resolves itself.
     */
    static void publish(ProcessorContext<String, Object> context, ProfileMetrics metrics,
            Record<String, LoopMessage> record, ContactEvent event, List<String> identifiers, Map<String, Label> labels,
            Set<String> shared) {
        Attribution attribution = Attribution.of(identifiers, labels, shared);
        String customerId = attribution.customerId();
        metrics.resolved.increment();
        if (attribution.conflict()) {
            metrics.crmConflicts.increment();
            IdentityConflict conflict = new IdentityConflict("crm-conflict", event.source(), event.eventId(),
                    identifiers, attribution.customerIds(), customerId, event.occurredAt(),
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(record.withKey(customerId).withValue(conflict), ProfileTopology.AUDIT_SINK);
        }
        context.forward(record.withKey(customerId).withValue(event), ProfileTopology.RESOLVED_SINK);
        context.forward(record.withKey(customerId).withValue(LoopMessage.fold(event).after(record.value())),
                ProfileTopology.LOOP_SINK);
    }

    private void purgeExpired(long now) {
        long cutoff = now - replayRetention.toMillis();
        List<String> expired = new ArrayList<>();
        // Collect first, delete after: the store is not modified under an open iterator.
        try (KeyValueIterator<String, Long> all = resolvedAt.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(resolvedAt::delete);
    }
}

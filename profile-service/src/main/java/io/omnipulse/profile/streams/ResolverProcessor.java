package io.omnipulse.profile.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private final LoopRouting routing;
    private ProcessorContext<String, Object> context;
    private ResolvedEvents resolved;
    private KeyValueStore<String, PendingResolution> pending;
    private KeyValueStore<String, Long> resolvedAt;

    ResolverProcessor(ProfileMetrics metrics, Duration replayRetention, Duration purgeInterval, LoopRouting routing) {
        this.metrics = metrics;
        this.routing = routing;
        this.replayRetention = replayRetention;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.resolved = new ResolvedEvents(context, metrics, routing);
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
        resolved.publish(record, done.event(), done.identifiers(), done.labels(), new HashSet<>(done.shared()));
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

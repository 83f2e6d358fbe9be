package io.omnipulse.scoring.streams;

import io.omnipulse.events.CustomersMerged;
import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.streamsupport.StoreSweeps;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per merged customer id (the key of a merge): remembers its survivor, then takes its recent
 * interactions and answers, effort state and seen event ids out of this partition and forwards them, with the
 * effort change that takes it out of the aggregates. A replayed merge finds the id already
 * remembered and does nothing: the state went with the first one, and what came since was sent on.
 *
 * <p>An id can be merged, live again (split off, or a late, earlier event made it the oldest of its
 * group) and merged again, or become the survivor of its own survivor. So the pointer keeps when
 * profile-service made the merge: an older merge than the pointer's is stale and ignored; a newer one
 * into another survivor replaces it. A merge of an id into itself is profile-service's word that the
 * id lives again: its pointer goes, so nothing it receives is sent back along a merge that no longer
 * holds (which, with the reverse merge, was a cycle).
 */
class FoldOutMerged implements FixedKeyProcessor<String, CustomersMerged, FoldOutMerged.Out> {

    /** What leaves with a merged customer; {@code effort} null when it had no effort state. */
    record Out(String survivor, CustomerFold customer, EffortChange effort, Long mergeTime) {
    }

    private final Duration retention;
    private final Duration purgeInterval;
    private final ScoringMetrics metrics;
    private FixedKeyProcessorContext<String, Out> context;
    private KeyValueStore<String, MergedInto> merged;
    private KeyValueStore<String, CustomerState> customers;
    private KeyValueStore<String, Long> seen;

    FoldOutMerged(Duration retention, Duration purgeInterval, ScoringMetrics metrics) {
        this.retention = retention;
        this.purgeInterval = purgeInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Out> context) {
        this.context = context;
        this.merged = context.getStateStore(ScoringTopology.MERGED_CUSTOMERS_STORE);
        this.customers = context.getStateStore(ScoringTopology.CUSTOMERS_STORE);
        this.seen = context.getStateStore(ScoringTopology.SEEN_EVENTS_STORE);
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::forgetOlderThanRetention);
    }

    @Override
    public void process(FixedKeyRecord<String, CustomersMerged> record) {
        String id = record.key();
        String survivor = record.value().survivorId();
        Long time = record.value().mergedAt() == null ? null : record.value().mergedAt().toEpochMilli();
        MergedInto known = merged.get(id);
        if (known != null && known.newerThan(time)) {
            // Older than what is known of this id (a merge or its word that it lives again): stale.
            return;
        }
        if (survivor.equals(id)) {
            if (known != null && known.pointsOn()) {
                metrics.stalePointerDropped();
            }
            if (time == null) {
                merged.delete(id);
            } else {
                merged.put(id, MergedInto.livesAgain(context.currentSystemTimeMs(), time));
            }
            return;
        }
        if (known != null && survivor.equals(known.survivor())) {
            return;
        }
        merged.put(id, new MergedInto(survivor, context.currentSystemTimeMs(), time));
        CustomerState state = CustomerState.orNone(customers.delete(id));
        EffortState effort = state.effortOrNull();
        metrics.mergeFolded();
        context.forward(record.withValue(new Out(survivor, new CustomerFold(state.interactions(), state.answers(),
                effort, StoreSweeps.takePrefix(seen, DropDuplicates.seenKey(id, ""))),
                effort == null ? null : new EffortChange(effort, EffortState.NONE), time)));
    }

    private void forgetOlderThanRetention(long now) {
        long cutoff = now - retention.toMillis();
        StoreSweeps.deleteWhere(merged, into -> into.mergedAt() < cutoff);
    }
}

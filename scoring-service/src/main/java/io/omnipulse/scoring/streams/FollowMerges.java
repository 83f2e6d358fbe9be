package io.omnipulse.scoring.streams;

import io.omnipulse.streamsupport.LoopGuardException;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per customer id (the record key): an event or a fold for an id that was merged goes on to its
 * survivor instead. A chain (A into B, later B into C) is followed one hop at a time, each on the
 * partition that knows it, and ends with the id that was not merged.
 *
 * <p>A pointer can be stale: the id lives again and is now a survivor itself (A into B, then B into
 * A). Following it would send the survivor's state back to B and B's pointer would return it, for
 * ever. A customer fold says which merge made this id a survivor, so the pointer goes when that merge
 * is newer, or when the fold is this id's own state coming back (a newer merge sent it home). What
 * still circulates (a future bug) is stopped by the hop count: counted and thrown, so that it ends
 * as a dead letter.
 *
 * <p>Each merged id whose state arrives on its first hop is noted with the customer its pointer names
 * ({@link ScoringTopology#MERGED_IDS_STORE}), so that an erasure of that customer reaches the pointer.
 * An erasure for an id stays with it.
 */
class FollowMerges implements FixedKeyProcessor<String, MergeFold, FollowMerges.Routed> {

    /** A record and where it goes: {@code survivor} null when it stays with its key. */
    record Routed(String survivor, MergeFold fold) {
    }

    private final ScoringMetrics metrics;
    private final int maxHops;
    private final String foldsTopic;
    private FixedKeyProcessorContext<String, Routed> context;
    private KeyValueStore<String, MergedInto> merged;
    private KeyValueStore<String, Long> mergedIds;

    FollowMerges(ScoringMetrics metrics, int maxHops, String foldsTopic) {
        this.metrics = metrics;
        this.maxHops = maxHops;
        this.foldsTopic = foldsTopic;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        this.context = context;
        this.merged = context.getStateStore(ScoringTopology.MERGED_CUSTOMERS_STORE);
        this.mergedIds = context.getStateStore(ScoringTopology.MERGED_IDS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, MergeFold> record) {
        MergeFold fold = record.value();
        if (fold.hops() > maxHops) {
            metrics.loopGuardTripped(foldsTopic);
            throw new LoopGuardException(foldsTopic, fold.hops(), maxHops);
        }
        if (fold instanceof MergeFold.Erase) {
            // For this very id (a former id of an erased customer), not for its survivor.
            context.forward(record.withValue(new Routed(null, fold)));
            return;
        }
        MergeFold.Customer customer = fold instanceof MergeFold.Customer c ? c : null;
        if (customer != null && customer.hops() <= 1 && !customer.mergedId().equals(record.key())) {
            // The first hop of a merged customer's state reaches the customer its pointer names: noted
            // here, so that erasing this customer can reach that pointer (EraseCustomer).
            mergedIds.put(EraseCustomer.mergedIdKey(record.key(), customer.mergedId()), context.currentSystemTimeMs());
        }
        MergedInto into = merged.get(record.key());
        if (into != null && !into.pointsOn()) {
            into = null;
        }
        if (into != null && customer != null && isStale(record.key(), into, customer)) {
            // Remembered as live since the merge that made it a survivor, so that an older merge of it,
            // arriving late, is ignored.
            if (customer.mergeTime() == null) {
                merged.delete(record.key());
            } else {
                merged.put(record.key(), MergedInto.livesAgain(context.currentSystemTimeMs(), customer.mergeTime()));
            }
            metrics.stalePointerDropped();
            into = null;
        }
        if (into != null) {
            metrics.mergedIdFollowed();
        }
        context.forward(record.withValue(new Routed(into == null ? null : into.survivor(), fold)));
    }

    /**
     * Whether the merge that sent this customer state here makes {@code id}'s own pointer stale: a
     * newer merge made {@code id} a survivor, or the pointer's own merge sent the state round and back
     * (its own state came home, or the fold is the pointer's reverse made at the same instant). A
     * pointer newer than the fold's merge holds, and the fold follows it. Only a customer fold decides:
     * the other kinds follow (a merged customer's tallies come after its state, which has decided).
     */
    private static boolean isStale(String id, MergedInto into, MergeFold.Customer fold) {
        if (into.olderThan(fold.mergeTime())) {
            return true;
        }
        boolean sameMergeTime = Objects.equals(fold.mergeTime(), into.mergeTime());
        return sameMergeTime && (id.equals(fold.mergedId()) || into.survivor().equals(fold.mergedId()));
    }
}

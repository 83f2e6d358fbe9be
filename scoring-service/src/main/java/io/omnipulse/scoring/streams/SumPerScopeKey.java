package io.omnipulse.scoring.streams;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sums the responses to the shared scope keys (global, channels, teams, agents) per key until the
 * commit, and passes each key's sum on to the repartition by scope key once per commit, instead of
 * one record per response: every response lands on {@code global|all} and on its channel and team,
 * so these few keys took most of the repartition's records, and of the by-scope task's work. Exact:
 * counts are additive, and a sum carries each day's tally, the late count and the latest event time,
 * which is all a scope key does with a response ({@link TallyWindows}). (Customers' own scope keys
 * never come here: they are tallied on the customer's partition.)
 *
 * <p>Values wait until the commit through {@link CommitFlush}; at most {@code maxPending} keys per task
 * ({@link PendingScopeSums}), a further new key's response passes on at once.
 */
final class SumPerScopeKey extends ContextualProcessor<String, ScopeUpdate, String, ScopeUpdate> {

    /** Scope keys a task sums for: the shared ones of a busy day are a few hundred (agents) at most. */
    static final int DEFAULT_MAX_PENDING = 10_000;

    private final String storeName;
    private final PendingScopeSums pending;
    private CommitFlush<ScopeUpdate> lastRecords;

    SumPerScopeKey(String storeName) {
        this.storeName = storeName;
        this.pending = new PendingScopeSums(DEFAULT_MAX_PENDING);
    }

    @Override
    public void init(ProcessorContext<String, ScopeUpdate> context) {
        super.init(context);
        lastRecords = CommitFlush.onFlush(context, storeName, DEFAULT_MAX_PENDING, last ->
                pending.take(last.key()).forEach(sum -> context.forward(last.withValue(sum))));
    }

    @Override
    public void process(Record<String, ScopeUpdate> record) {
        ScopeUpdate update = record.value();
        boolean summable = update.kind() == ScopeUpdate.Kind.RESPONSE || update.kind() == ScopeUpdate.Kind.RETRACTION;
        if (summable && pending.offer(record.key(), update.response(), update.kind() == ScopeUpdate.Kind.RETRACTION)) {
            // The sums wait in pending; the record that came last waits too, for its timestamp and headers.
            lastRecords.hold(record);
        } else {
            context().forward(record);
        }
    }

    @Override
    public void close() {
        // A task closed without a commit aborted its transaction: what was pending is recomputed.
        pending.clear();
        lastRecords.clear();
    }
}

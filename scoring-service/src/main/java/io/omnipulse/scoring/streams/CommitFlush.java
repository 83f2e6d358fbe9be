package io.omnipulse.scoring.streams;

import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Lets a processor hold values until the commit, as a cached KTable does: each key's latest record (or
 * a sum) waits here, and just before the task's transaction commits ({@link CommitHookStore}) every key
 * held is handed back to the processor's action, in the order the keys came, with the record held for
 * it (the last one, with its timestamp and headers, and the value held), so the action may forward to
 * the processor's children. Under exactly-once nothing held is lost: it belongs to an uncommitted
 * transaction and is recomputed after a failure. Uses Kafka Streams internals, as the KTable cache does:
 * the cache flush that precedes each commit, and the current node and record context of the context.
 *
 * <p>Earlier the keys were marked dirty in a record cache over a store that kept nothing, and the
 * cache's flush handed them back: each key cost a put into the cache's sorted map of byte keys, a
 * lookup and a removal at the flush (JFR of the bench: 8 % of scoring's stream thread under
 * {@code hold}, more at the commit, mostly {@code TreeMap} lookups comparing keys byte by byte). Held
 * here, a key costs one hash map entry.
 */
final class CommitFlush<V> {

    /** A record held for its key, with the record context of the first one held since the last commit. */
    private record Held<V>(Record<String, V> record, ProcessorRecordContext context) {
    }

    private final InternalProcessorContext<?, ?> internal;
    private final ProcessorNode<?, ?, ?, ?> self;
    private final Consumer<Record<String, V>> flushed;
    private final PendingPerKey<Held<V>> held;

    private CommitFlush(InternalProcessorContext<?, ?> internal, int capacity, Consumer<Record<String, V>> flushed) {
        this.internal = internal;
        // A flush runs at commit time, while no processor or another one runs: forwarded records must
        // leave from this node, to this node's children.
        this.self = internal.currentNode();
        this.flushed = flushed;
        this.held = new PendingPerKey<>(capacity);
    }

    /**
     * The values {@code context}'s processor holds until each commit, at most {@code capacity} keys,
     * hooked on its store {@code storeName} (a {@link CommitHookStore}): {@code flushed} is called with
     * the record held for each key; IllegalStateException when that store is no commit hook.
     */
    static <V> CommitFlush<V> onFlush(ProcessorContext<?, ?> context, String storeName, int capacity,
            Consumer<Record<String, V>> flushed) {
        StateStore store = context.getStateStore(storeName);
        while (store instanceof WrappedStateStore<?, ?, ?> wrapper) {
            store = wrapper.wrapped();
        }
        if (!(store instanceof CommitHookStore hook)) {
            throw new IllegalStateException("store " + storeName + " must be a commit hook to hold values until the commit");
        }
        CommitFlush<V> commitFlush = new CommitFlush<>((InternalProcessorContext<?, ?>) context, capacity, flushed);
        hook.onCommit(commitFlush::flushAll, commitFlush::clear);
        return commitFlush;
    }

    /** Holds {@code record} as its key's latest until the commit; false (nothing held) when a new key finds it full. */
    boolean hold(Record<String, V> record) {
        return held.add(record.key(), new Held<>(record, internal.recordContext()),
                (before, latest) -> new Held<>(latest.record(), before.context()));
    }

    /**
     * Holds {@code record}, its value added to what its key holds ({@code plus}), until the commit,
     * which hands back this record (or a later one) with the sum; false (nothing held) when a new key
     * finds it full.
     */
    boolean hold(Record<String, V> record, BinaryOperator<V> plus) {
        return held.add(record.key(), new Held<>(record, internal.recordContext()), (before, latest) -> new Held<>(
                latest.record().withValue(plus.apply(before.record().value(), latest.record().value())), before.context()));
    }

    /** Drops what {@code key} holds: the commit does not hand it back. */
    void forget(String key) {
        held.take(key);
    }

    /** Drops everything held by a task closed without a commit: its transaction was aborted. */
    void clear() {
        held.clear();
    }

    /** Hands every record held back to the action, from this processor's node and in its record's context. */
    private void flushAll() {
        if (held.size() == 0) {
            return;
        }
        ProcessorNode<?, ?, ?, ?> previousNode = internal.currentNode();
        ProcessorRecordContext previousContext = internal.recordContext();
        internal.setCurrentNode(self);
        try {
            for (Held<V> one : held.takeAll()) {
                internal.setRecordContext(one.context());
                flushed.accept(one.record());
            }
        } finally {
            internal.setCurrentNode(previousNode);
            internal.setRecordContext(previousContext);
        }
    }
}

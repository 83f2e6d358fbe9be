package io.omnipulse.scoring.streams;

import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import org.apache.kafka.streams.kstream.internals.Change;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Lets a processor hold values until the commit, as a cached KTable does: it marks each key dirty
 * in a cached store that keeps nothing beneath ({@link DiscardingStore}); the record cache flushes
 * the dirty keys at every commit, before the transaction commits (and earlier when the cache is
 * full), and hands each one back to the processor's action with the record held for it (the last one
 * that marked it, with its timestamp and headers, and the value held), so the action may forward to
 * the processor's children. Under exactly-once
 * nothing held is lost: it belongs to an uncommitted transaction and is recomputed after a failure.
 * Uses Kafka Streams internals for the flush listener, as the KTable cache does
 * ({@link WrappedStateStore#setFlushListener}, and the current node of the context).
 *
 * <p>A key is put into the cache once until it is flushed, however often it is marked: a busy key
 * (global, a channel, a team) is marked by nearly every event, and each put goes through the store's
 * metrics and the cache's sorted map and dirty list (the cache's own put alone was 7.6 % of scoring's
 * stream-thread samples under the bench, JFR; 4.7 % with this). The record that marked the key last
 * is kept here instead, which is what the cache would have handed back, and with it the value.
 */
final class CommitFlush<V> {

    /** What a cache holds per dirty key: the value itself waits here. */
    static final byte[] DIRTY = new byte[0];

    private final KeyValueStore<String, byte[]> marks;
    /** Each key held since the cache last flushed it: the record that marked it last, with the value to pass on. */
    private final PendingPerKey<Record<String, V>> held;

    private CommitFlush(KeyValueStore<String, byte[]> marks, int capacity) {
        this.marks = marks;
        this.held = new PendingPerKey<>(capacity);
    }

    /**
     * The marks of {@code context}'s processor in its store {@code storeName}, holding at most
     * {@code capacity} keys: {@code flushed} is called with the record held for each key the cache
     * flushes; IllegalStateException when that store is not cached.
     */
    @SuppressWarnings("unchecked")
    static <V> CommitFlush<V> onFlush(ProcessorContext<?, ?> context, String storeName, int capacity,
            Consumer<Record<String, V>> flushed) {
        KeyValueStore<String, byte[]> store = context.getStateStore(storeName);
        CommitFlush<V> commitFlush = new CommitFlush<>(store, capacity);
        InternalProcessorContext<?, ?> internal = (InternalProcessorContext<?, ?>) context;
        // A flush runs at commit time (or on eviction, while another processor runs): forwarded
        // records must leave from this node, to this node's children.
        ProcessorNode<?, ?, ?, ?> self = internal.currentNode();
        boolean cached = ((WrappedStateStore<?, String, byte[]>) store).setFlushListener(
                (Record<String, Change<byte[]>> record) -> {
                    Record<String, V> last = commitFlush.held.take(record.key());
                    if (last == null) {
                        // A key forgotten since it was marked (its tombstone): nothing waits for it.
                        return;
                    }
                    ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
                    internal.setCurrentNode(self);
                    try {
                        flushed.accept(last);
                    } finally {
                        internal.setCurrentNode(previous);
                    }
                }, false);
        if (!cached) {
            throw new IllegalStateException("store " + storeName + " must be cached to hold values until the commit");
        }
        return commitFlush;
    }

    /** Holds {@code record} as its key's latest until the key's flush; false (nothing held) when a new key finds it full. */
    boolean hold(Record<String, V> record) {
        return hold(record, (held, latest) -> latest);
    }

    /**
     * Holds {@code record}, its value added to what its key holds ({@code plus}), until the key's flush,
     * which hands back this record (or a later one) with the sum; false (nothing held) when a new key
     * finds it full.
     */
    boolean hold(Record<String, V> record, BinaryOperator<V> plus) {
        boolean marked = held.holds(record.key());
        // Held before the put: a full cache may flush the key within it.
        if (!held.add(record.key(), record, (before, latest) -> latest.withValue(plus.apply(before.value(),
                latest.value())))) {
            return false;
        }
        if (!marked) {
            marks.put(record.key(), DIRTY);
        }
        return true;
    }

    /** Drops what {@code key} holds: no flush hands it back, and not even the cache keeps it. */
    void forget(String key) {
        held.take(key);
        marks.delete(key);
    }

    /** Drops everything held by a task closed without a commit: its transaction was aborted. */
    void clear() {
        held.clear();
    }
}

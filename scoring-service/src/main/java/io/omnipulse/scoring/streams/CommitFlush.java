package io.omnipulse.scoring.streams;

import java.util.HashMap;
import java.util.Map;
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
 * full), and hands each one back to the processor's action with the record that marked it last (its
 * timestamp and headers), so the action may forward to the processor's children. Under exactly-once
 * nothing held is lost: it belongs to an uncommitted transaction and is recomputed after a failure.
 * Uses Kafka Streams internals for the flush listener, as the KTable cache does
 * ({@link WrappedStateStore#setFlushListener}, and the current node of the context).
 *
 * <p>A key is put into the cache once until it is flushed, however often it is marked: a busy key
 * (global, a channel, a team) is marked by nearly every event, and each put goes through the store's
 * metrics and the cache's sorted map and dirty list (the cache's own put alone was 7.6 % of scoring's
 * stream-thread samples under the bench, JFR; 4.7 % with this). The record that marked the key last
 * is kept here instead, which is what the cache would have handed back.
 */
final class CommitFlush {

    /** What a cache holds per dirty key: the value itself waits in the processor. */
    static final byte[] DIRTY = new byte[0];

    private final KeyValueStore<String, byte[]> marks;
    /** Each key marked since the cache last flushed it, with the record that marked it last. */
    private final Map<String, Record<String, ?>> markedLast = new HashMap<>();

    private CommitFlush(KeyValueStore<String, byte[]> marks) {
        this.marks = marks;
    }

    /**
     * The marks of {@code context}'s processor in its store {@code storeName}: {@code flushed} is called
     * with the record that marked each key the cache flushes, last; IllegalStateException when that
     * store is not cached.
     */
    @SuppressWarnings("unchecked")
    static <K, V> CommitFlush onFlush(ProcessorContext<K, V> context, String storeName,
            Consumer<Record<String, ?>> flushed) {
        KeyValueStore<String, byte[]> store = context.getStateStore(storeName);
        CommitFlush commitFlush = new CommitFlush(store);
        InternalProcessorContext<K, V> internal = (InternalProcessorContext<K, V>) context;
        // A flush runs at commit time (or on eviction, while another processor runs): forwarded
        // records must leave from this node, to this node's children.
        ProcessorNode<?, ?, ?, ?> self = internal.currentNode();
        boolean cached = ((WrappedStateStore<?, String, byte[]>) store).setFlushListener(
                (Record<String, Change<byte[]>> record) -> {
                    Record<String, ?> last = commitFlush.markedLast.remove(record.key());
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

    /** Marks {@code record}'s key until the next flush of it, which hands back this record (or a later one's). */
    void mark(Record<String, ?> record) {
        // Kept before the put: a full cache may flush the key within it.
        if (markedLast.put(record.key(), record) == null) {
            marks.put(record.key(), DIRTY);
        }
    }

    /** Unmarks {@code key}: no flush hands it back, and not even the cache keeps it. */
    void forget(String key) {
        markedLast.remove(key);
        marks.delete(key);
    }

    /** Forgets every mark of a task closed without a commit: its transaction was aborted. */
    void clear() {
        markedLast.clear();
    }
}

package io.omnipulse.scoring.streams;

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
 * full), and hands each one, with the timestamp and headers of the record that last marked it, to
 * the processor's action, which may forward to the processor's children. Under exactly-once nothing
 * held is lost: it belongs to an uncommitted transaction and is recomputed after a failure. Uses
 * Kafka Streams internals for the flush listener, as the KTable cache does
 * ({@link WrappedStateStore#setFlushListener}, and the current node of the context).
 */
final class CommitFlush {

    /** What a cache holds per dirty key: the value itself waits in the processor. */
    static final byte[] DIRTY = new byte[0];

    private CommitFlush() {
    }

    /**
     * Calls {@code flushed} with each key the cache of {@code marks} (named {@code storeName}, from
     * {@code context}'s processor) flushes; IllegalStateException when that store is not cached.
     */
    @SuppressWarnings("unchecked")
    static <K, V> void onFlush(ProcessorContext<K, V> context, KeyValueStore<String, byte[]> marks, String storeName,
            Consumer<Record<String, Change<byte[]>>> flushed) {
        InternalProcessorContext<K, V> internal = (InternalProcessorContext<K, V>) context;
        // A flush runs at commit time (or on eviction, while another processor runs): forwarded
        // records must leave from this node, to this node's children.
        ProcessorNode<?, ?, ?, ?> self = internal.currentNode();
        boolean cached = ((WrappedStateStore<?, String, byte[]>) marks).setFlushListener(
                (Record<String, Change<byte[]>> record) -> {
                    ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
                    internal.setCurrentNode(self);
                    try {
                        flushed.accept(record);
                    } finally {
                        internal.setCurrentNode(previous);
                    }
                }, false);
        if (!cached) {
            throw new IllegalStateException("store " + storeName + " must be cached to hold values until the commit");
        }
    }
}

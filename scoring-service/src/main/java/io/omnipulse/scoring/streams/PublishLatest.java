package io.omnipulse.scoring.streams;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.internals.Change;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Publishes the latest record per key once per commit instead of every record, for a compacted
 * output topic (cx.score-updates.v1, cx.effort-index.v1: the latest value per key is what counts).
 * A busy scope key (global|all, a channel, a team) changes with nearly every response; its consumers
 * (alerting) only need where it stands, so one record per key and commit means the same to them at
 * a fraction of the records, for this service's producer and for every consumer.
 *
 * <p>It is how a cached KTable emits: each record marks its key dirty in a cached store; the cache
 * keeps the timestamp and headers of the record that last wrote each key, and forwards the dirty keys
 * when it is flushed, which Kafka Streams does at every commit, before the transaction commits (and
 * earlier when the cache is full: then a key may be published more than once per commit, never
 * less). The value itself waits as an object ({@link PendingLatest}) and is serialized only when it
 * is published: a busy key's superseded values never are (serializing them to JSON was the largest
 * part of this step's cost). Under exactly-once no update is lost: what is not yet flushed belongs to
 * an uncommitted transaction and is recomputed after a failure. The store is not logged and keeps
 * nothing beneath its cache ({@link DiscardingStore}): nothing reads it back. Uses Kafka Streams
 * internals for the flush listener, as the KTable cache does: {@link WrappedStateStore#setFlushListener}
 * and the current node of the context.
 */
final class PublishLatest<V> extends ContextualProcessor<String, V, String, byte[]> {

    /**
     * Keys a task holds values for before it publishes a new key's value at once: about as many as
     * the cache holds marks for at its default size, and a few MB of objects per task.
     */
    static final int DEFAULT_MAX_PENDING = 10_000;

    /** What the cache holds per dirty key: the value waits in {@link #pending}. */
    private static final byte[] DIRTY = new byte[0];

    private final String storeName;
    private final String topic;
    private final Serializer<V> serializer;
    private final PendingLatest<V> pending;
    private KeyValueStore<String, byte[]> latest;

    PublishLatest(String storeName, String topic, Serializer<V> serializer) {
        this(storeName, topic, serializer, DEFAULT_MAX_PENDING);
    }

    PublishLatest(String storeName, String topic, Serializer<V> serializer, int maxPending) {
        this.storeName = storeName;
        this.topic = topic;
        this.serializer = serializer;
        this.pending = new PendingLatest<>(maxPending);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(ProcessorContext<String, byte[]> context) {
        super.init(context);
        latest = context.getStateStore(storeName);
        InternalProcessorContext<String, byte[]> internal = (InternalProcessorContext<String, byte[]>) context;
        // A flush runs at commit time (or on eviction, while another processor runs): forwarded
        // records must leave from this node, to this node's children.
        ProcessorNode<?, ?, ?, ?> self = internal.currentNode();
        boolean cached = ((WrappedStateStore<?, String, byte[]>) latest).setFlushListener(
                (Record<String, Change<byte[]>> flushed) -> {
                    // Nothing pending: the value left at once when the pending values were full.
                    V value = pending.take(flushed.key());
                    if (value == null) {
                        return;
                    }
                    ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
                    internal.setCurrentNode(self);
                    try {
                        context.forward(flushed.withValue(serializer.serialize(topic, flushed.headers(), value)));
                    } finally {
                        internal.setCurrentNode(previous);
                    }
                }, false);
        if (!cached) {
            throw new IllegalStateException("store " + storeName + " must be cached to publish the latest per key");
        }
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        if (pending.offer(record.key(), record.value())) {
            latest.put(record.key(), DIRTY);
        } else {
            context().forward(record.withValue(serializer.serialize(topic, record.headers(), record.value())));
        }
    }

    @Override
    public void close() {
        // A task closed without a commit aborted its transaction: what was pending is recomputed.
        pending.clear();
    }
}

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
 * <p>It is how a cached KTable emits: each record is put into a cached store (its value serialized
 * as the topic's serde would, so that the sink only copies bytes); the cache keeps the latest value
 * per key with the timestamp and headers of the record that wrote it, and forwards the dirty keys
 * when it is flushed, which Kafka Streams does at every commit, before the transaction commits
 * (and earlier when the cache is full: then a key may be published more than once per commit, never
 * less). Under exactly-once no update is lost: what is not yet flushed belongs to an uncommitted
 * transaction and is recomputed after a failure. The store is not logged and keeps nothing beneath
 * its cache ({@link DiscardingStore}): nothing reads it back. Uses Kafka Streams internals for the flush listener, as the KTable
 * cache does: {@link WrappedStateStore#setFlushListener} and the current node of the context.
 */
final class PublishLatest<V> extends ContextualProcessor<String, V, String, byte[]> {

    private final String storeName;
    private final String topic;
    private final Serializer<V> serializer;
    private KeyValueStore<String, byte[]> latest;

    PublishLatest(String storeName, String topic, Serializer<V> serializer) {
        this.storeName = storeName;
        this.topic = topic;
        this.serializer = serializer;
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
                    if (flushed.value().newValue == null) {
                        return;
                    }
                    ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
                    internal.setCurrentNode(self);
                    try {
                        context.forward(flushed.withValue(flushed.value().newValue));
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
        if (record.key() != null && record.value() != null) {
            latest.put(record.key(), serializer.serialize(topic, record.headers(), record.value()));
        }
    }
}

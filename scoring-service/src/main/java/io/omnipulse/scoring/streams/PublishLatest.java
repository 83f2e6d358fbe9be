package io.omnipulse.scoring.streams;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Publishes the latest record per key once per commit instead of every record, for a compacted
 * output topic (cx.score-updates.v1, cx.effort-index.v1: the latest value per key is what counts).
 * A busy scope key (global|all, a channel, a team) changes with nearly every response; its consumers
 * (alerting) only need where it stands, so one record per key and commit means the same to them at
 * a fraction of the records, for this service's producer and for every consumer.
 *
 * <p>The values wait until the commit ({@link CommitFlush}; a new key that finds {@link #DEFAULT_MAX_PENDING}
 * keys held is published at once, so a key may be published more than once per commit, never less) as objects, and
 * are serialized only when they are published: a busy key's superseded values never are
 * (serializing them to JSON was the largest part of this step's cost). A null value is a tombstone:
 * it is published at once and drops the value held for its key, so the key stays forgotten unless a
 * later value comes. Every record leaves with its CloudEvents headers ({@link OutgoingEvents}), the
 * tombstones too (an event without data), so that a reader with a CloudEvents SDK can read them all.
 */
final class PublishLatest<V> extends ContextualProcessor<String, V, String, byte[]> {

    /**
     * Keys a task holds values for before it publishes a new key's value at once: a few MB of objects
     * per task.
     */
    static final int DEFAULT_MAX_PENDING = 10_000;

    private final String storeName;
    private final OutgoingEvents<V> outgoing;
    private final int maxPending;
    private CommitFlush<V> latest;

    PublishLatest(String storeName, OutgoingEvents<V> outgoing) {
        this(storeName, outgoing, DEFAULT_MAX_PENDING);
    }

    PublishLatest(String storeName, OutgoingEvents<V> outgoing, int maxPending) {
        this.storeName = storeName;
        this.outgoing = outgoing;
        this.maxPending = maxPending;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        super.init(context);
        latest = CommitFlush.onFlush(context, storeName, maxPending,
                last -> context.forward(outgoing.publish(last, last.value())));
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            // A tombstone (an erased customer's key) leaves at once, and what was held for the key
            // before it never does: a value held until the commit would bring the key back.
            latest.forget(record.key());
            context().forward(outgoing.tombstone(record));
            return;
        }
        if (!latest.hold(record)) {
            context().forward(outgoing.publish(record, record.value()));
        }
    }

    @Override
    public void close() {
        // A task closed without a commit aborted its transaction: what was pending is recomputed.
        latest.clear();
    }
}

package io.omnipulse.scoring.streams;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per customer id (the record key): an event or a fold for an id that was merged goes on to its
 * survivor instead. A chain (A into B, later B into C) is followed one hop at a time, each on the
 * partition that knows it, and ends with the id that was not merged.
 */
class FollowMerges implements FixedKeyProcessor<String, MergeFold, FollowMerges.Routed> {

    /** A record and where it goes: {@code survivor} null when it stays with its key. */
    record Routed(String survivor, MergeFold fold) {
    }

    private final ScoringMetrics metrics;
    private FixedKeyProcessorContext<String, Routed> context;
    private KeyValueStore<String, MergedInto> merged;

    FollowMerges(ScoringMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        this.context = context;
        this.merged = context.getStateStore(ScoringTopology.MERGED_CUSTOMERS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, MergeFold> record) {
        MergedInto into = merged.get(record.key());
        if (into != null) {
            metrics.mergedIdFollowed();
        }
        context.forward(record.withValue(new Routed(into == null ? null : into.survivor(), record.value())));
    }
}

package io.omnipulse.scoring.streams;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per customer (the record key, after merged ids were followed): what arrives for an erased customer
 * from before its erasure must not bring it back ({@link EraseCustomer} remembers when it was erased).
 *
 * <ul>
 * <li>An event ingested before the erasure (an in-flight or re-sent copy, a replay) is dropped, for every
 *     scope: its id was erased with the customer, so nothing can tell a copy of an event counted
 *     before from one that never arrived, and counting a copy in the team or global scores again
 *     would count it twice. An event without ingestedAt cannot show that it is newer and is dropped too.
 *     Events ingested after the erasure are a new contact and count as usual.
 * <li>The state of a customer merged into the erased one before the erasure (the merge and the
 *     erasure travel on different partitions) is dropped, and the merged id is told to forget its
 *     pointer: forwarded with it as the target, for the merge-folds topic.
 * <li>The customer-scope tallies of such a merged id (or of one erased with the customer), which
 *     follow its state, are dropped.
 * </ul>
 * Everything else passes on unchanged (target null). Each dropped record is counted.
 */
class DropErased implements FixedKeyProcessor<String, MergeFold, FollowMerges.Routed> {

    private final ScoringMetrics metrics;
    private FixedKeyProcessorContext<String, FollowMerges.Routed> context;
    private KeyValueStore<String, Long> erased;
    private KeyValueStore<String, Long> mergedIds;

    DropErased(ScoringMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, FollowMerges.Routed> context) {
        this.context = context;
        this.erased = context.getStateStore(ScoringTopology.ERASED_CUSTOMERS_STORE);
        this.mergedIds = context.getStateStore(ScoringTopology.MERGED_IDS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, MergeFold> record) {
        MergeFold fold = record.value();
        if (fold instanceof MergeFold.Event event) {
            Long erasedAt = erased.get(record.key());
            if (erasedAt != null && before(event.event().ingestedAt(), erasedAt)) {
                metrics.erasedDropped();
                return;
            }
        } else if (fold instanceof MergeFold.Customer customer) {
            Long erasedAt = erased.get(record.key());
            if (erasedAt != null && (customer.mergeTime() == null || customer.mergeTime() < erasedAt)) {
                Long known = erased.get(customer.mergedId());
                erased.put(customer.mergedId(), known == null ? erasedAt : Math.max(known, erasedAt));
                // Noted on arrival (FollowMerges); the merged id is erased instead of merged.
                mergedIds.delete(EraseCustomer.mergedIdKey(record.key(), customer.mergedId()));
                metrics.erasedDropped();
                context.forward(record.withValue(new FollowMerges.Routed(customer.mergedId(),
                        MergeFold.erase(record.key(), erasedAt))));
                return;
            }
        } else if (fold instanceof MergeFold.Tallies tallies && erased.get(tallies.mergedId()) != null) {
            metrics.erasedDropped();
            return;
        }
        context.forward(record.withValue(new FollowMerges.Routed(null, fold)));
    }

    private static boolean before(Instant ingestedAt, long erasedAt) {
        return ingestedAt == null || ingestedAt.toEpochMilli() < erasedAt;
    }
}

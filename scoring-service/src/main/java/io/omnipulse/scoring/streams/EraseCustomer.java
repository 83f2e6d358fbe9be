package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.streamsupport.StoreSweeps;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per customer (the record key), on an erasure: deletes everything its partition keeps of the
 * customer (seen event ids, its customer state ({@link CustomerState}), its own merged-id entry,
 * the ids merged into it) and remembers the customer as erased since the request, so that older
 * copies of its events are dropped ({@link DropErased}). Sends on: its effort state out of the
 * aggregates, a tombstone for its effort index, the forgetting of its scope key's tallies (on this
 * partition too, which then reports the request done, {@link TallyWindows}), and the erasure
 * to each id merged into it, whose pointer names it (a former id of the same person).
 *
 * <p>A request at or before the one remembered for the customer was applied already (a replay, or a
 * later request covered it): it deletes nothing, so a new contact since is not erased by an old request
 * again, and is reported done once more, by the scope key's tally stage like any request.
 *
 * <p>The erasure of merged ids ends: each acts on a pointer only if it names the customer erased before
 * it, and deletes that pointer and the ids noted as merged into it.
 */
class EraseCustomer implements Processor<String, EraseOrder, String, Erasure> {

    /** The step scoring-service reports in cx.erasure-progress.v1. */
    static final String SERVICE = "scoring-service";

    private final Duration erasureRetention;
    private final Duration mergeRetention;
    private final Duration purgeInterval;
    private final ScoringMetrics metrics;
    private ProcessorContext<String, Erasure> context;
    private KeyValueStore<String, Long> erased;
    private KeyValueStore<String, Long> mergedIds;
    private KeyValueStore<String, MergedInto> merged;
    private KeyValueStore<String, CustomerState> customers;
    private KeyValueStore<String, Long> seen;

    EraseCustomer(Duration erasureRetention, Duration mergeRetention, Duration purgeInterval, ScoringMetrics metrics) {
        this.erasureRetention = erasureRetention;
        this.mergeRetention = mergeRetention;
        this.purgeInterval = purgeInterval;
        this.metrics = metrics;
    }

    /** The key of an id merged into {@code survivor} in {@link ScoringTopology#MERGED_IDS_STORE}: survivor first, for a prefix scan. */
    static String mergedIdKey(String survivor, String mergedId) {
        return survivor + '\u0000' + mergedId;
    }

    @Override
    public void init(ProcessorContext<String, Erasure> context) {
        this.context = context;
        this.erased = context.getStateStore(ScoringTopology.ERASED_CUSTOMERS_STORE);
        this.mergedIds = context.getStateStore(ScoringTopology.MERGED_IDS_STORE);
        this.merged = context.getStateStore(ScoringTopology.MERGED_CUSTOMERS_STORE);
        this.customers = context.getStateStore(ScoringTopology.CUSTOMERS_STORE);
        this.seen = context.getStateStore(ScoringTopology.SEEN_EVENTS_STORE);
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::forgetOlderThanRetention);
    }

    @Override
    public void process(Record<String, EraseOrder> record) {
        String id = record.key();
        EraseOrder order = record.value();
        String erasureId = null;
        if (order instanceof EraseOrder.Requested requested) {
            if (!requested.request().customerId().equals(id)) {
                // On another customer's partition, where the named customer's state is not.
                throw new IllegalArgumentException("an erasure request must be keyed by the customer id it names");
            }
            Long known = erased.get(id);
            if (known != null && known >= order.requestedAt()) {
                context.forward(record.withKey(scopeKey(id)).withValue(new Erasure.ToScopeKey(ScopeUpdate.alreadyErased(
                        new ScopeUpdate.Erasure(requested.request().erasureId(), requested.request().requestedAt(), 0)))));
                return;
            }
            erasureId = requested.request().erasureId();
        } else if (order instanceof EraseOrder.MergedId mergedId) {
            MergedInto pointer = merged.get(id);
            if (pointer == null || !mergedId.erased().equals(pointer.survivor())) {
                return;
            }
        }
        long at = order.requestedAt();
        remember(id, at);
        CustomerState customer = customers.delete(id);
        long deleted = (customer == null ? 0 : 1) + delete(merged, id)
                + StoreSweeps.takePrefix(seen, DropDuplicates.seenKey(id, "")).size();
        EffortState state = customer == null ? null : customer.effortOrNull();
        Set<String> formerIds = StoreSweeps.takePrefix(mergedIds, mergedIdKey(id, "")).keySet();
        deleted += formerIds.size();
        for (String formerId : formerIds) {
            // Its scope key's tallies may still be on their way here: remembered, they are dropped.
            remember(formerId, at);
            context.forward(record.withKey(formerId).withValue(new Erasure.MergedIdErased(MergeFold.erase(id, at))));
        }
        if (state != null) {
            context.forward(record.withValue(new Erasure.EffortLeft(new EffortChange(state, EffortState.NONE))));
        }
        context.forward(record.withValue(new Erasure.IndexForgotten()));
        Instant requestedAt = order instanceof EraseOrder.Requested requested ? requested.request().requestedAt()
                : Instant.ofEpochMilli(at);
        context.forward(record.withKey(scopeKey(id)).withValue(new Erasure.ToScopeKey(
                ScopeUpdate.forget(new ScopeUpdate.Erasure(erasureId, requestedAt, deleted)))));
        if (erasureId != null) {
            metrics.erasureApplied();
        }
    }

    private static String scopeKey(String customerId) {
        return new ScopeKey(Scope.CUSTOMER, customerId).format();
    }

    private void remember(String id, long requestedAt) {
        Long known = erased.get(id);
        erased.put(id, known == null ? requestedAt : Math.max(known, requestedAt));
    }

    private static long delete(KeyValueStore<String, ?> store, String key) {
        return store.delete(key) == null ? 0 : 1;
    }

    private void forgetOlderThanRetention(long now) {
        StoreSweeps.deleteWhere(erased, requestedAt -> requestedAt < now - erasureRetention.toMillis());
        StoreSweeps.deleteWhere(mergedIds, notedAt -> notedAt < now - mergeRetention.toMillis());
    }
}

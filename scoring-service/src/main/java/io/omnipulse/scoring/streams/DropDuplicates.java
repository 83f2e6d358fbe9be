package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.streamsupport.StoreSweeps;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Passes each event (answer or interaction) once: an event whose {@link ContactEvent#dedupKey()} was seen before
 * for the same customer is dropped. Re-sends carry the same customer key, so they reach the same task
 * and store; after a merge they carry the survivor's, and the merged customer's ids have moved there
 * ({@link FoldOutMerged}). Each id is kept with the wall-clock time it was first seen and purged after
 * the retention.
 */
class DropDuplicates implements FixedKeyProcessor<String, ContactEvent, ContactEvent> {

    private final String storeName;
    private final Duration retention;
    private final Duration purgeInterval;
    private final ScoringMetrics metrics;
    private FixedKeyProcessorContext<String, ContactEvent> context;
    private KeyValueStore<String, Long> seen;

    /** The store key of one customer's event: customer first, so a merge can take all of its ids. */
    static String seenKey(String customer, String dedupKey) {
        // NUL never occurs in a customer id, so one customer's prefix cannot match another's keys.
        return customer + '\u0000' + dedupKey;
    }

    DropDuplicates(String storeName, Duration retention, Duration purgeInterval, ScoringMetrics metrics) {
        this.storeName = storeName;
        this.retention = retention;
        this.purgeInterval = purgeInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ContactEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        // Wall-clock, not stream time: purging must go on when the input is quiet.
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::purgeOlderThanRetention);
    }

    @Override
    public void process(FixedKeyRecord<String, ContactEvent> record) {
        String id = seenKey(record.key(), record.value().dedupKey());
        if (seen.get(id) != null) {
            metrics.duplicateDropped();
            return;
        }
        seen.put(id, context.currentSystemTimeMs());
        if (record.value().isFeedback()) {
            metrics.responseCounted(record.value().feedback().metric());
        }
        context.forward(record);
    }

    private void purgeOlderThanRetention(long now) {
        long cutoff = now - retention.toMillis();
        StoreSweeps.deleteWhere(seen, seenMs -> seenMs < cutoff);
    }
}

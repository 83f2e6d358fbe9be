package io.omnipulse.scoring.streams;

import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.domain.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per scope key: the all-time tally, one tally per UTC day of event time, and the trailing windows
 * as exact sums of those days, ending with the day of this task's event-time clock (the latest
 * occurredAt seen here). Publishes "all" on every response and a trailing window when the response
 * lies in it or when the clock entered a new day since the window was last published.
 */
class TallyWindows extends ContextualProcessor<String, ScoredResponse, String, ScoreUpdated> {

    private final ScoringConfig config;
    private KeyValueStore<String, Long> clock;
    private KeyValueStore<String, ScopeTotals> totals;
    private KeyValueStore<String, ScoreTally> buckets;

    TallyWindows(ScoringConfig config) {
        this.config = config;
    }

    /** The bucket of a scope key and day; point reads only, so a key containing '#' cannot collide. */
    static String bucketKey(String scopeKey, long day) {
        return scopeKey + '#' + day;
    }

    @Override
    public void init(ProcessorContext<String, ScoreUpdated> context) {
        super.init(context);
        clock = context.getStateStore(ScoringTopology.SCORE_CLOCK_STORE);
        totals = context.getStateStore(ScoringTopology.TALLIES_STORE);
        buckets = context.getStateStore(ScoringTopology.BUCKETS_STORE);
        context.schedule(config.bucketPurgeInterval(), PunctuationType.WALL_CLOCK_TIME, t -> purgeOldBuckets());
    }

    @Override
    public void process(Record<String, ScoredResponse> record) {
        ScoredResponse response = record.value();
        ScopeKey scope = ScopeKey.parse(record.key());
        Long seen = clock.get(AttributeToInteraction.CLOCK);
        long now = seen == null ? response.occurredAt() : Math.max(seen, response.occurredAt());
        clock.put(AttributeToInteraction.CLOCK, now);
        long endDay = DayBuckets.dayOf(now);
        long day = DayBuckets.dayOf(response.occurredAt());

        ScopeTotals before = totals.get(record.key());
        before = before == null ? ScopeTotals.EMPTY : before;
        ScopeTotals after = new ScopeTotals(before.all().add(response.feedback()),
                before.lateEvents() + (response.late() ? 1 : 0), endDay, now);
        totals.put(record.key(), after);
        if (!response.late()) {
            String bucket = bucketKey(record.key(), day);
            ScoreTally tally = buckets.get(bucket);
            buckets.put(bucket, (tally == null ? ScoreTally.EMPTY : tally).add(response.feedback()));
        }

        Instant asOf = Instant.ofEpochMilli(now);
        publish(record, scope, Window.ALL, after.all(), asOf);
        boolean newDay = before.windowEndDay() == null || before.windowEndDay() != endDay;
        List<Window> changed = new ArrayList<>(3);
        for (Window window : Window.TRAILING) {
            if (newDay || (!response.late() && window.covers(day, endDay))) {
                changed.add(window);
            }
        }
        if (!changed.isEmpty()) {
            Map<Window, ScoreTally> windows = DayBuckets.trailing(endDay, d -> buckets.get(bucketKey(record.key(), d)));
            changed.forEach(window -> publish(record, scope, window, windows.get(window), asOf));
        }
    }

    private void publish(Record<String, ScoredResponse> record, ScopeKey scope, Window window, ScoreTally tally,
            Instant asOf) {
        context().forward(record.withKey(scope.topicKey(window.wire()))
                .withValue(tally.toScoreUpdated(scope, window.wire(), asOf)));
    }

    /** Days before the longest window plus the grace can never be read or written again. */
    private void purgeOldBuckets() {
        Long now = clock.get(AttributeToInteraction.CLOCK);
        if (now == null) {
            return;
        }
        long cutoff = DayBuckets.dayOf(now) - Window.LONGEST_DAYS - config.grace().toDays();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ScoreTally> all = buckets.all()) {
            while (all.hasNext()) {
                KeyValue<String, ScoreTally> entry = all.next();
                if (Long.parseLong(entry.key.substring(entry.key.lastIndexOf('#') + 1)) < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(buckets::delete);
    }
}

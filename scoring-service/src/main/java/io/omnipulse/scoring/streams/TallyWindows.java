package io.omnipulse.scoring.streams;

import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.config.WindowsConfig;
import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.domain.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Per scope key: the all-time tally, one tally per UTC day of event time, and the trailing windows
 * as exact sums of those days, ending with this task's day. Publishes "all" on every response and a
 * trailing window when the response lies in it or when the task's day changed since the window was
 * last published; and, when the day changes, the windows that a day bucket has left, for every
 * scope key of the task, whether or not it gets a response that day ({@link WindowRollover}, which
 * also says which clock says "today"). Every published trailing window is dated with its end
 * ({@code updatedAt}) and equals what the query API sums over the day buckets for that end day.
 *
 * <p>A retraction (an answer re-attributed to another channel, team or agent) is a count of -1 in the
 * same "all", late count or day: counts are additive, so the result is as if it had never been counted
 * here. A scope key or day left without answers is deleted.
 *
 * <p>Two stages tally, each with its own {@link Stores}. A customer's own scope key is tallied on the
 * customer's partition, right after its answers are attributed: its score is published in the same
 * transaction as the attribution, and it sees its responses, its merges and its erasure in the order
 * that partition processed them. The shared scope keys (global, channels, teams, agents) are tallied
 * after the repartition by scope key, their responses and retractions summed per commit of the task
 * that attributed them ({@link SumPerScopeKey}); a sum counts as its responses one by one would.
 *
 * <p>Merges: a merged customer's scope key hands its tallies over (taken out here, published empty,
 * sent towards the survivor); the survivor's scope key absorbs them: counts, late counts and the
 * buckets of each day add up, and every window of the survivor is published again.
 *
 * <p>Erasures: an erased customer's scope key is forgotten (totals and day buckets deleted, each of
 * its windows tombstoned on the compacted topic); then, and only then, scoring's part of the request
 * is reported done. The shared scope keys keep their counts: they hold no identifier.
 */
class TallyWindows extends ContextualProcessor<String, ScopeUpdate, String, ScopeOutput> {

    private static final Pattern DAY = Pattern.compile("-?\\d+");

    /**
     * The stores of one tally stage: its event-time clock, all-time totals and day buckets. Customers'
     * own scope keys are tallied on the customer's partition, the shared ones after the repartition by
     * scope key; each stage has its own three (a store belongs to one sub-topology).
     */
    record Stores(String clock, String totals, String buckets) {

        String[] names() {
            return new String[] {clock, totals, buckets};
        }
    }

    private final ScoringConfig config;
    private final WindowsConfig windows;
    private final Stores stores;
    private KeyValueStore<String, Long> clock;
    private KeyValueStore<String, ScopeTotals> totals;
    private KeyValueStore<String, ScoreTally> buckets;
    private WindowRollover rollover;
    /** Trailing sums of the busy scope keys, so that a response does not re-read up to 90 buckets. */
    private TrailingSums sums;

    /** Scope keys whose trailing sums a task remembers: the busy ones (global, channels, teams) and more. */
    static final int REMEMBERED_SCOPE_KEYS = 10_000;

    TallyWindows(ScoringConfig config, WindowsConfig windows, Stores stores) {
        this.config = config;
        this.windows = windows;
        this.stores = stores;
    }

    /** The bucket of a scope key and day. */
    static String bucketKey(String scopeKey, long day) {
        return scopeKey + '#' + day;
    }

    /** The day buckets of one scope key (a prefix scan; another key may start with this one and '#'). */
    private Map<Long, ScoreTally> bucketsOf(String scopeKey) {
        return bucketsOf(buckets, scopeKey);
    }

    /** The day buckets of {@code scopeKey} in {@code buckets}, this processor's store or a query's view of it. */
    static Map<Long, ScoreTally> bucketsOf(ReadOnlyKeyValueStore<String, ScoreTally> buckets, String scopeKey) {
        String prefix = scopeKey + '#';
        Map<Long, ScoreTally> days = new HashMap<>();
        try (KeyValueIterator<String, ScoreTally> all = buckets.prefixScan(prefix, Serdes.String().serializer())) {
            all.forEachRemaining(entry -> {
                String day = entry.key.substring(prefix.length());
                if (DAY.matcher(day).matches()) {
                    days.put(Long.parseLong(day), entry.value);
                }
            });
        }
        return days;
    }

    @Override
    public void init(ProcessorContext<String, ScopeOutput> context) {
        super.init(context);
        clock = context.getStateStore(stores.clock());
        totals = context.getStateStore(stores.totals());
        buckets = context.getStateStore(stores.buckets());
        context.schedule(config.bucketPurgeInterval(), PunctuationType.WALL_CLOCK_TIME, t -> purgeOldBuckets());
        rollover = new WindowRollover(config.grace(), clock, totals, buckets);
        sums = new TrailingSums(REMEMBERED_SCOPE_KEYS);
        context.schedule(windows.rolloverCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::rollOver);
    }

    @Override
    public void process(Record<String, ScopeUpdate> record) {
        ScopeUpdate update = record.value();
        try {
            switch (update.kind()) {
                case RESPONSE -> count(record, ScopeFold.of(update.response()), 1);
                case RETRACTION -> count(record, ScopeFold.of(update.response()), -1);
                case RESPONSES -> count(record, update.fold(), 1);
                case RETRACTIONS -> count(record, update.fold(), -1);
                case HAND_OVER -> handOver(record, update.survivor());
                case ABSORB -> absorb(record, update.fold());
                case FORGET -> forget(record, update.erasure());
                case ALREADY_ERASED -> reportDone(record, update.erasure(), 0);
            }
        } catch (RuntimeException e) {
            // The record goes to the dead letters half-done, maybe: the remembered sums may no longer
            // match the buckets written so far; the next response sums them from the store again.
            sums.forget(record.key());
            throw e;
        }
    }

    /** The task's event-time clock, moved on to {@code at} when that is later. */
    private long advanceClock(long at) {
        Long seen = clock.get(AttributeAndTrackEffort.CLOCK);
        long now = seen == null ? at : Math.max(seen, at);
        clock.put(AttributeAndTrackEffort.CLOCK, now);
        return now;
    }

    /**
     * Counts responses ({@code sign} 1) or takes responses counted before out again (-1): one, or the
     * sum of a task's responses for this scope key since its last commit ({@link SumPerScopeKey}), in
     * "all", the late count and each day. A scope key or a day left without answers is deleted, as if
     * never counted. Publishes "all", and each trailing window that covers a changed day or that has
     * moved on to a new end day.
     */
    private void count(Record<String, ScopeUpdate> record, ScopeFold responses, int sign) {
        ScopeKey scope = ScopeKey.parse(record.key());
        long now = advanceClock(responses.updatedAt());
        long end = rollover.windowsEnd(now);
        long endDay = DayBuckets.dayOf(end);

        ScopeTotals before = totals.get(record.key());
        before = before == null ? ScopeTotals.EMPTY : before;
        ScopeTotals after = new ScopeTotals(apply(before.all(), responses.all(), sign),
                before.lateEvents() + sign * responses.lateEvents(), endDay, now);
        if (after.all().responses() == 0 && after.lateEvents() == 0) {
            totals.delete(record.key());
        } else {
            totals.put(record.key(), after);
        }
        boolean newDay = before.windowEndDay() == null || before.windowEndDay() != endDay;
        Set<Window> changed = newDay ? EnumSet.copyOf(Window.TRAILING) : EnumSet.noneOf(Window.class);
        responses.buckets().forEach((day, tally) -> {
            String bucket = bucketKey(record.key(), day);
            ScoreTally stored = buckets.get(bucket);
            ScoreTally updated = apply(stored == null ? ScoreTally.EMPTY : stored, tally, sign);
            if (updated.responses() == 0) {
                buckets.delete(bucket);
            } else {
                buckets.put(bucket, updated);
            }
            sums.bucketChanged(record.key(), day, window -> apply(window, tally, sign));
            Window.TRAILING.stream().filter(window -> window.covers(day, endDay)).forEach(changed::add);
        });

        publish(record, scope, Window.ALL, after.all(), Instant.ofEpochMilli(now));
        if (!changed.isEmpty()) {
            publishTrailing(record, scope, Window.TRAILING.stream().filter(changed::contains).toList(), end);
        }
    }

    private static ScoreTally apply(ScoreTally tally, ScoreTally responses, int sign) {
        return sign > 0 ? tally.plus(responses) : tally.minus(responses);
    }

    /**
     * A merged customer's scope key: its totals and day buckets leave (deleted here, sent towards the
     * survivor) and its windows are published empty. With nothing stored (no responses, or a replayed
     * merge) nothing happens.
     */
    private void handOver(Record<String, ScopeUpdate> record, String survivor) {
        ScopeTotals stored = totals.get(record.key());
        Map<Long, ScoreTally> days = bucketsOf(record.key());
        if (stored == null && days.isEmpty()) {
            return;
        }
        days.keySet().forEach(day -> buckets.delete(bucketKey(record.key(), day)));
        sums.forget(record.key());
        totals.delete(record.key());
        ScopeTotals handed = stored == null ? ScopeTotals.EMPTY : stored;
        ScopeKey scope = ScopeKey.parse(record.key());
        context().forward(record.withValue(ScopeOutput.fold(survivor, MergeFold.scope(scope.key(),
                new ScopeFold(handed.all(), handed.lateEvents(), handed.updatedAt(), days)))));
        Long now = clock.get(AttributeAndTrackEffort.CLOCK);
        Instant asOf = Instant.ofEpochMilli(now == null ? handed.updatedAt() : now);
        publish(record, scope, Window.ALL, ScoreTally.EMPTY, asOf);
        Window.TRAILING.forEach(window -> publish(record, scope, window, ScoreTally.EMPTY, asOf));
    }

    /** The survivor's scope key takes a merged customer's tallies in and publishes all its windows. */
    private void absorb(Record<String, ScopeUpdate> record, ScopeFold fold) {
        ScopeKey scope = ScopeKey.parse(record.key());
        long now = advanceClock(fold.updatedAt());
        long end = rollover.windowsEnd(now);
        long endDay = DayBuckets.dayOf(end);
        ScopeTotals before = totals.get(record.key());
        before = before == null ? ScopeTotals.EMPTY : before;
        ScopeTotals after = new ScopeTotals(before.all().plus(fold.all()), before.lateEvents() + fold.lateEvents(),
                endDay, now);
        totals.put(record.key(), after);
        sums.forget(record.key());
        fold.buckets().forEach((day, tally) -> {
            String bucket = bucketKey(record.key(), day);
            ScoreTally mine = buckets.get(bucket);
            buckets.put(bucket, (mine == null ? ScoreTally.EMPTY : mine).plus(tally));
        });
        publish(record, scope, Window.ALL, after.all(), Instant.ofEpochMilli(now));
        publishTrailing(record, scope, Window.TRAILING, end);
    }

    /**
     * An erased customer's scope key: its totals and day buckets are deleted and each of its windows
     * tombstoned; for the erased customer itself (not a merged id of theirs), its erasure is done,
     * counting what was deleted here and on the customer's partition.
     */
    private void forget(Record<String, ScopeUpdate> record, ScopeUpdate.Erasure erasure) {
        String key = record.key();
        long deleted = 0;
        if (totals.get(key) != null) {
            totals.delete(key);
            deleted++;
        }
        Set<Long> days = bucketsOf(key).keySet();
        days.forEach(day -> buckets.delete(bucketKey(key, day)));
        deleted += days.size();
        sums.forget(key);
        ScopeKey scope = ScopeKey.parse(key);
        for (Window window : Window.values()) {
            context().forward(record.withKey(scope.topicKey(window.wire())).withValue(new ScopeOutput.Forgotten()));
        }
        reportDone(record, erasure, deleted);
    }

    /** The erased customer's request (none for a merged id of theirs) is done: {@code deleted} here, and what its partition deleted. */
    private void reportDone(Record<String, ScopeUpdate> record, ScopeUpdate.Erasure erasure, long deleted) {
        if (erasure == null || erasure.erasureId() == null) {
            return;
        }
        ErasureRequested request = new ErasureRequested(erasure.erasureId(), ScopeKey.parse(record.key()).key(),
                erasure.requestedAt(), null);
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        context().forward(record.withKey(erasure.erasureId()).withValue(new ScopeOutput.ErasureDone(
                ErasureProgress.done(request, EraseCustomer.SERVICE, now, erasure.erased() + deleted))));
    }

    /** On a new day, publishes the trailing windows that a day bucket has left, dated with their new end. */
    private void rollOver(long wallClock) {
        WindowRollover.Moved moved = rollover.rollOver(wallClock);
        if (moved != null) {
            moved.windows().forEach((key, left) ->
                    publishTrailing(new Record<>(key, null, moved.end()), ScopeKey.parse(key), left, moved.end()));
        }
    }

    /**
     * Publishes the given trailing windows of a scope key, ending at {@code end}: the sums of its buckets,
     * as remembered or else summed from the store.
     */
    private <V> void publishTrailing(Record<String, V> origin, ScopeKey scope, List<Window> which, long end) {
        Map<Window, ScoreTally> trailing = sums.at(origin.key(), DayBuckets.dayOf(end),
                endDay -> summed(origin.key(), endDay));
        which.forEach(window -> publish(origin, scope, window, trailing.get(window), Instant.ofEpochMilli(end)));
    }

    /** The trailing windows of a scope key ending with {@code endDay}, summed from its buckets (one prefix scan). */
    private Map<Window, ScoreTally> summed(String scopeKey, long endDay) {
        Map<Long, ScoreTally> days = bucketsOf(scopeKey);
        return DayBuckets.trailing(endDay, days::get);
    }

    private <V> void publish(Record<String, V> origin, ScopeKey scope, Window window, ScoreTally tally, Instant asOf) {
        context().forward(origin.withKey(scope.topicKey(window.wire()))
                .withValue(ScopeOutput.score(tally.toScoreUpdated(scope, window.wire(), asOf))));
    }

    /** Days before the longest window plus the grace can never be read or written again. */
    private void purgeOldBuckets() {
        Long now = clock.get(AttributeAndTrackEffort.CLOCK);
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
        sums.forgetAll();
    }
}

package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.domain.Window;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Where the trailing windows of one by-scope task end, and which of them a new day changes.
 *
 * <p>Which clock says "today": the windows end at the task's event-time clock (the latest occurredAt
 * seen there), except that a wall-clock check moves them on to the wall-clock time while the event
 * clock is within the grace of it: with live traffic event time is close to wall-clock time, and a
 * quiet day must still end at midnight. With no event for longer than the grace, or while replaying
 * old data, the event clock stays in charge, so a replay never publishes empty windows dated today.
 */
final class WindowRollover {

    /** Key in the clock store: where the last roll-over moved the trailing windows to (epoch millis). */
    static final String ROLLED_TO = "rolled-to";

    /** The windows to publish again per scope key, all ending at {@code end}. */
    record Moved(long end, Map<String, List<Window>> windows) {
    }

    private final Duration grace;
    private final KeyValueStore<String, Long> clock;
    private final KeyValueStore<String, ScopeTotals> totals;
    private final KeyValueStore<String, ScoreTally> buckets;

    WindowRollover(Duration grace, KeyValueStore<String, Long> clock, KeyValueStore<String, ScopeTotals> totals,
            KeyValueStore<String, ScoreTally> buckets) {
        this.grace = grace;
        this.clock = clock;
        this.totals = totals;
        this.buckets = buckets;
    }

    /** Where the trailing windows end, given the event clock {@code now}: there, or later if a roll-over moved them on. */
    long windowsEnd(long now) {
        Long rolledTo = clock.get(ROLLED_TO);
        return rolledTo == null ? now : Math.max(now, rolledTo);
    }

    /**
     * When the task's day has changed since the last roll-over, moves the trailing windows of every
     * scope key of the task on to it and answers those that changed (null when the day has not).
     * Only a bucket that drops out can change a window here ({@link DayBuckets#leaving}): no scope key
     * has buckets after the day its windows were last published for, since every bucket written is
     * published at once. Cost: one pass over the task's totals once a day (nothing on the other
     * checks), three bucket reads per scope key, and one write per scope key whose windows changed.
     */
    Moved rollOver(long wallClock) {
        Long now = clock.get(AttributeAndTrackEffort.CLOCK);
        if (now == null) {
            return null;
        }
        boolean live = wallClock - now <= grace.toMillis();
        long end = live ? Math.max(wallClock, now) : now;
        long endDay = DayBuckets.dayOf(end);
        Long rolledTo = clock.get(ROLLED_TO);
        if (rolledTo != null && endDay <= DayBuckets.dayOf(rolledTo)) {
            return null;
        }
        Map<String, List<Window>> changed = new HashMap<>();
        // Collect first, write after: the store is not modified under an open iterator.
        try (KeyValueIterator<String, ScopeTotals> all = totals.all()) {
            all.forEachRemaining(entry -> {
                Long published = entry.value.windowEndDay();
                if (published == null) {
                    return;
                }
                long from = rolledTo == null ? published : Math.max(published, DayBuckets.dayOf(rolledTo));
                List<Window> left = DayBuckets.leaving(from, endDay,
                        d -> buckets.get(TallyWindows.bucketKey(entry.key, d)));
                if (!left.isEmpty()) {
                    changed.put(entry.key, left);
                }
            });
        }
        changed.keySet().forEach(key -> {
            ScopeTotals stored = totals.get(key);
            totals.put(key, new ScopeTotals(stored.all(), stored.lateEvents(), endDay, stored.updatedAt()));
        });
        clock.put(ROLLED_TO, end);
        return new Moved(end, changed);
    }
}

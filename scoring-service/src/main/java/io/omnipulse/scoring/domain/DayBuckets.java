package io.omnipulse.scoring.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Windows and trends as exact sums of day buckets: one {@link ScoreTally} per scope key and UTC
 * day of event time (days counted from 1970-01-01, as {@link LocalDate#toEpochDay()}).
 */
public final class DayBuckets {

    static final long MILLIS_PER_DAY = 86_400_000L;

    private DayBuckets() {
    }

    /** The UTC day of an event-time instant given in epoch millis. */
    public static long dayOf(long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }

    /**
     * The tallies of the trailing windows ending with {@code endDay}, read in one pass over the
     * longest window (a missing bucket, null, is a day without answers).
     */
    public static Map<Window, ScoreTally> trailing(long endDay, LongFunction<ScoreTally> bucket) {
        return trailing(endDay, Window.LONGEST_DAYS, bucket);
    }

    /**
     * The tallies of the trailing windows of at most {@code days} days ending with {@code endDay},
     * reading only those {@code days} buckets; the same sums as {@link #trailing(long, LongFunction)}.
     */
    public static Map<Window, ScoreTally> trailing(long endDay, int days, LongFunction<ScoreTally> bucket) {
        Map<Window, ScoreTally> windows = new EnumMap<>(Window.class);
        ScoreTally sum = ScoreTally.EMPTY;
        for (int back = 0; back < Math.min(days, Window.LONGEST_DAYS); back++) {
            sum = sum.plus(bucket.apply(endDay - back));
            for (Window window : Window.TRAILING) {
                if (window.days() == back + 1) {
                    windows.put(window, sum);
                }
            }
        }
        return windows;
    }

    /**
     * The trailing windows that change when their end moves on from {@code fromDay} to a later
     * {@code toDay}, for a scope key without buckets after {@code fromDay}: nothing enters them, so a
     * window of W days changes only if a bucket of its old days drops out, i.e. one of the days
     * {@code fromDay - W + 1 .. min(fromDay, toDay - W)}. Reads min(W, toDay - fromDay) buckets per
     * window: one each (three in all) when the day rolls over by one.
     */
    public static List<Window> leaving(long fromDay, long toDay, LongFunction<ScoreTally> bucket) {
        List<Window> changed = new ArrayList<>(Window.TRAILING.size());
        for (Window window : Window.TRAILING) {
            long last = Math.min(fromDay, toDay - window.days());
            for (long day = fromDay - window.days() + 1; day <= last; day++) {
                ScoreTally tally = bucket.apply(day);
                if (tally != null && tally.responses() != 0) {
                    changed.add(window);
                    break;
                }
            }
        }
        return changed;
    }

    /** One point of a trend: the answers given from {@code first} to {@code last}, both inclusive. */
    public record Span(LocalDate first, LocalDate last, ScoreTally tally) {
    }

    /**
     * A time series from {@code from} to {@code to} (inclusive) by day, or by ISO week (Monday to
     * Sunday; the first and last week are clipped to the range, so nothing outside it is counted).
     */
    public static List<Span> trend(LocalDate from, LocalDate to, boolean weekly, LongFunction<ScoreTally> bucket) {
        List<Span> spans = new ArrayList<>();
        LocalDate first = from;
        while (!first.isAfter(to)) {
            LocalDate last = weekly ? first.with(DayOfWeek.SUNDAY) : first;
            if (last.isAfter(to)) {
                last = to;
            }
            ScoreTally sum = ScoreTally.EMPTY;
            for (long day = first.toEpochDay(); day <= last.toEpochDay(); day++) {
                sum = sum.plus(bucket.apply(day));
            }
            spans.add(new Span(first, last, sum));
            first = last.plusDays(1);
        }
        return spans;
    }
}

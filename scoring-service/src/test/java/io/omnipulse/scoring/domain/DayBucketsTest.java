package io.omnipulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Which windows a new day changes, found with few bucket reads. */
class DayBucketsTest {

    static final ScoreTally ONE = ScoreTally.EMPTY.add(new FeedbackDetails(Metric.NPS, 9, null, null, null));

    final List<Long> read = new ArrayList<>();

    /** Buckets on the given days only, recording every day read. */
    LongFunction<ScoreTally> bucketsOn(long... days) {
        return day -> {
            read.add(day);
            for (long d : days) {
                if (d == day) {
                    return ONE;
                }
            }
            return null;
        };
    }

    @Test
    void aNewDayReadsOneBucketPerWindow() {
        assertThat(DayBuckets.leaving(100, 101, bucketsOn(94, 100))).containsExactly(Window.DAYS_7);
        assertThat(read).containsExactlyInAnyOrder(94L, 71L, 11L);
    }

    @Test
    void aWindowChangesOnlyWhenItsOldestDayHeldAnswers() {
        assertThat(DayBuckets.leaving(100, 101, bucketsOn(95, 99, 100))).isEmpty();
        assertThat(DayBuckets.leaving(100, 101, bucketsOn(71, 11))).containsExactly(Window.DAYS_30, Window.DAYS_90);
    }

    @Test
    void afterSeveralDaysEveryDayThatLeftIsCheckedButNoMoreThanAWindow() {
        assertThat(DayBuckets.leaving(100, 103, bucketsOn(96))).containsExactly(Window.DAYS_7);
        assertThat(DayBuckets.leaving(100, 500, bucketsOn(40))).containsExactly(Window.DAYS_90);
        read.clear();
        assertThat(DayBuckets.leaving(100, 500, bucketsOn())).isEmpty();
        assertThat(read).hasSize(7 + 30 + 90);
    }

    @Test
    void shorterTrailingSumsReadOnlyTheirDaysAndEqualTheFullOnes() {
        LongFunction<ScoreTally> buckets = bucketsOn(100, 97, 80, 20);
        Map<Window, ScoreTally> full = DayBuckets.trailing(100, buckets);
        read.clear();
        Map<Window, ScoreTally> week = DayBuckets.trailing(100, 7, buckets);
        assertThat(read).hasSize(7);
        assertThat(week).containsOnlyKeys(Window.DAYS_7).containsEntry(Window.DAYS_7, full.get(Window.DAYS_7));
        assertThat(full.get(Window.DAYS_7).responses()).isEqualTo(2);
    }
}

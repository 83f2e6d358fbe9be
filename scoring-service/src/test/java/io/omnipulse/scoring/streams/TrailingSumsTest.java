package io.omnipulse.scoring.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.domain.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Remembered trailing sums stay equal to the sums of the buckets, answer by answer. */
class TrailingSumsTest {

    static final FeedbackDetails[] ANSWERS = {
        new FeedbackDetails(Metric.NPS, 10, null, null, null),
        new FeedbackDetails(Metric.NPS, 3, null, null, null),
        new FeedbackDetails(Metric.CSAT, 4, null, null, null),
        new FeedbackDetails(Metric.CES, 2, null, null, null),
        new FeedbackDetails(Metric.CES, 5, new Scale(1, 5, false), null, null),
    };

    static final ScopeKey EMAIL = new ScopeKey(Scope.CHANNEL, "email");

    final Map<Long, ScoreTally> buckets = new HashMap<>();
    final Map<Long, List<FeedbackDetails>> counted = new HashMap<>();
    final AtomicInteger summed = new AtomicInteger();

    Map<Window, ScoreTally> fromBuckets(long endDay) {
        summed.incrementAndGet();
        return DayBuckets.trailing(endDay, buckets::get);
    }

    @Test
    void answersCountedAndTakenOutKeepTheSumsExactWithoutReReadingTheBuckets() {
        TrailingSums sums = new TrailingSums(10);
        Random random = new Random(7);
        long endDay = 20_000;
        for (int i = 0; i < 5_000; i++) {
            if (random.nextInt(500) == 0) {
                endDay++;
            }
            long day = endDay - random.nextInt(100) + 2; // also days after the end and before the longest window
            List<FeedbackDetails> given = counted.computeIfAbsent(day, d -> new ArrayList<>());
            // A retraction takes out an answer counted on that day before.
            boolean retract = !given.isEmpty() && random.nextInt(4) == 0;
            FeedbackDetails answer = retract ? given.remove(random.nextInt(given.size()))
                    : ANSWERS[random.nextInt(ANSWERS.length)];
            if (!retract) {
                given.add(answer);
            }
            ScoreTally bucket = buckets.getOrDefault(day, ScoreTally.EMPTY);
            ScoreTally after = retract ? bucket.remove(answer) : bucket.add(answer);
            if (after.responses() == 0) {
                buckets.remove(day);
            } else {
                buckets.put(day, after);
            }
            sums.bucketChanged("channel|email", day, t -> retract ? t.remove(answer) : t.add(answer));
            Map<Window, ScoreTally> remembered = sums.at("channel|email", endDay, this::fromBuckets);
            Map<Window, ScoreTally> expected = DayBuckets.trailing(endDay, buckets::get);
            for (Window window : Window.TRAILING) {
                assertThat(remembered.get(window).toScoreUpdated(EMAIL, window.wire(), null))
                        .as("window %s after %d updates", window, i)
                        .isEqualTo(expected.get(window).toScoreUpdated(EMAIL, window.wire(), null));
            }
        }
        // Summed from the buckets only on the first read and on each new end day.
        assertThat(summed.get()).isLessThan(30);
    }

    @Test
    void anotherEndDayOrAForgottenKeyIsSummedFromTheBucketsAgain() {
        TrailingSums sums = new TrailingSums(10);
        buckets.put(100L, ScoreTally.EMPTY.add(ANSWERS[0]));
        assertThat(sums.at("global|all", 100, this::fromBuckets).get(Window.DAYS_7).responses()).isEqualTo(1);
        assertThat(sums.at("global|all", 100, this::fromBuckets).get(Window.DAYS_7).responses()).isEqualTo(1);
        assertThat(summed).hasValue(1);
        assertThat(sums.at("global|all", 107, this::fromBuckets).get(Window.DAYS_7).responses()).isZero();
        assertThat(sums.at("global|all", 107, this::fromBuckets).get(Window.DAYS_30).responses()).isEqualTo(1);
        assertThat(summed).hasValue(2);
        sums.forget("global|all");
        sums.at("global|all", 107, this::fromBuckets);
        assertThat(summed).hasValue(3);
        sums.forgetAll();
        sums.at("global|all", 107, this::fromBuckets);
        assertThat(summed).hasValue(4);
    }

    @Test
    void theLeastRecentlyUsedScopeKeysAreForgottenBeyondTheCapacity() {
        TrailingSums sums = new TrailingSums(2);
        sums.at("a", 1, this::fromBuckets);
        sums.at("b", 1, this::fromBuckets);
        sums.at("a", 1, this::fromBuckets);
        sums.at("c", 1, this::fromBuckets);
        assertThat(summed).hasValue(3);
        sums.at("a", 1, this::fromBuckets);
        assertThat(summed).hasValue(3);
        sums.at("b", 1, this::fromBuckets);
        assertThat(summed).hasValue(4);
    }
}

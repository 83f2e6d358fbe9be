package io.omnipulse.scoring.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.ScoreTally;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingScopeSumsTest {

    private static final long MONDAY = Events.T0.toEpochMilli();
    private static final long TUESDAY = Events.T0.plus(Duration.ofDays(1)).toEpochMilli();

    private static ScoredResponse nps(int score, long at, boolean late) {
        return new ScoredResponse(new FeedbackDetails(Metric.NPS, score, null, null, null), at, late);
    }

    private static ScoreTally tally(int... npsScores) {
        ScoreTally tally = ScoreTally.EMPTY;
        for (int score : npsScores) {
            tally = tally.add(new FeedbackDetails(Metric.NPS, score, null, null, null));
        }
        return tally;
    }

    @Test
    void responsesOfAKeySumPerDayWithTheLateOnesInAllOnlyAndTheLatestEventTime() {
        PendingScopeSums sums = new PendingScopeSums(10);
        sums.offer("team|a", nps(10, TUESDAY, false), false);
        sums.offer("team|a", nps(3, MONDAY, false), false);
        sums.offer("team|a", nps(9, TUESDAY, false), false);
        sums.offer("team|a", nps(0, MONDAY - 1, true), false);

        List<ScopeUpdate> taken = sums.take("team|a");

        assertThat(taken).hasSize(1);
        assertThat(taken.get(0).kind()).isEqualTo(ScopeUpdate.Kind.RESPONSES);
        ScopeFold sum = taken.get(0).fold();
        assertThat(sum.all()).isEqualTo(tally(10, 3, 9, 0));
        assertThat(sum.lateEvents()).isEqualTo(1);
        assertThat(sum.updatedAt()).isEqualTo(TUESDAY);
        assertThat(sum.buckets()).isEqualTo(Map.of(DayBuckets.dayOf(MONDAY), tally(3),
                DayBuckets.dayOf(TUESDAY), tally(10, 9)));
        assertThat(sums.take("team|a")).as("taken: nothing held any more").isEmpty();
    }

    @Test
    void retractionsAreASecondSumPassedOnAfterTheCountedOnes() {
        PendingScopeSums sums = new PendingScopeSums(10);
        sums.offer("channel|chat", nps(6, MONDAY, false), true);
        sums.offer("channel|chat", nps(8, MONDAY, false), false);

        List<ScopeUpdate> taken = sums.take("channel|chat");

        assertThat(taken).extracting(ScopeUpdate::kind)
                .containsExactly(ScopeUpdate.Kind.RESPONSES, ScopeUpdate.Kind.RETRACTIONS);
        assertThat(taken.get(0).fold().all()).isEqualTo(tally(8));
        assertThat(taken.get(1).fold().all()).isEqualTo(tally(6));
        assertThat(taken.get(1).fold().buckets()).isEqualTo(Map.of(DayBuckets.dayOf(MONDAY), tally(6)));
    }

    @Test
    void aSingleResponseSumsToWhatItWouldCountAlone() {
        PendingScopeSums sums = new PendingScopeSums(10);
        ScoredResponse late = nps(7, MONDAY, true);
        ScoredResponse onTime = nps(7, TUESDAY, false);
        sums.offer("a", late, false);
        sums.offer("b", onTime, false);

        assertThat(sums.take("a").get(0).fold()).isEqualTo(ScopeFold.of(late));
        assertThat(sums.take("b").get(0).fold()).isEqualTo(ScopeFold.of(onTime));
    }

    @Test
    void aNewKeyIsRefusedWhenFullWhileKeysHeldStillTakeResponses() {
        PendingScopeSums sums = new PendingScopeSums(1);
        assertThat(sums.offer("a", nps(9, MONDAY, false), false)).isTrue();

        assertThat(sums.offer("b", nps(9, MONDAY, false), false)).as("full: the caller passes b on at once").isFalse();
        assertThat(sums.offer("a", nps(1, MONDAY, false), true)).as("a is held: it takes no room").isTrue();
        assertThat(sums.size()).isEqualTo(1);
        assertThat(sums.take("b")).isEmpty();

        sums.clear();
        assertThat(sums.take("a")).as("cleared: an aborted transaction's sums are recomputed").isEmpty();
        assertThat(sums.offer("b", nps(9, MONDAY, false), false)).isTrue();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new PendingScopeSums(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

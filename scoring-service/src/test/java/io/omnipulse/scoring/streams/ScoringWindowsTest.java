package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.T0;
import static io.omnipulse.scoring.streams.Events.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.ScopeTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trailing windows in event time, late answers and the purge of old day buckets. */
class ScoringWindowsTest {

    static final String ANN = "ann@example.com";

    final ScoringDriver scoring = new ScoringDriver();

    @AfterEach
    void close() {
        scoring.close();
    }

    static Instant daysBefore(int days) {
        return T0.minus(Duration.ofDays(days));
    }

    @Test
    void answerLandsInTheWindowsOfItsEventDay() {
        scoring.send(answer("a", Channel.EMAIL, ANN, daysBefore(40), Metric.NPS, 10, null),
                answer("b", Channel.EMAIL, ANN, daysBefore(10), Metric.NPS, 0, null),
                answer("c", Channel.EMAIL, ANN, daysBefore(6), Metric.NPS, 8, null),
                answer("d", Channel.EMAIL, ANN, T0, Metric.NPS, 9, null));

        Map<String, ScoreUpdated> latest = scoring.latest();
        assertThat(latest.get("channel:email:7d").nps()).extracting(ScoreUpdated.Nps::promoters,
                ScoreUpdated.Nps::passives, ScoreUpdated.Nps::detractors).containsExactly(1L, 1L, 0L);
        assertThat(latest.get("channel:email:30d").nps()).extracting(ScoreUpdated.Nps::promoters,
                ScoreUpdated.Nps::passives, ScoreUpdated.Nps::detractors).containsExactly(1L, 1L, 1L);
        assertThat(latest.get("channel:email:90d").nps().n()).isEqualTo(4);
        assertThat(latest.get("channel:email:all").nps().n()).isEqualTo(4);
        assertThat(latest.get("channel:email:7d").updatedAt()).isEqualTo(T0);
    }

    @Test
    void outOfOrderAnswerWithinTheGraceLandsInItsOwnDay() {
        scoring.send(answer("new", Channel.CHAT, ANN, T0, Metric.CSAT, 5, null),
                answer("old", Channel.CHAT, ANN, daysBefore(6), Metric.CSAT, 1, null));

        Map<String, ScoreUpdated> latest = scoring.latest();
        assertThat(latest.get("channel:chat:7d").csat().n()).isEqualTo(2);
        assertThat(scoring.counter("omnipulse.scoring.responses.late")).isZero();
    }

    @Test
    void answerLaterThanTheGraceCountsAllTimeAndAsLateButInNoTrailingWindow() {
        scoring.send(answer("new", Channel.CHAT, ANN, T0, Metric.CSAT, 5, null));
        scoring.output.readKeyValuesToList();

        scoring.send(answer("late", Channel.CHAT, ANN, daysBefore(8), Metric.CSAT, 1, null));

        List<KeyValue<String, ScoreUpdated>> published = scoring.output.readKeyValuesToList();
        assertThat(published).extracting(kv -> kv.key).doesNotContain("channel:chat:30d", "channel:chat:90d")
                .contains("channel:chat:all");
        assertThat(scoring.latest()).isEmpty();
        assertThat(published.stream().filter(kv -> kv.key.equals("channel:chat:all")).findFirst().orElseThrow()
                .value.csat().n()).isEqualTo(2);
        assertThat(scoring.counter("omnipulse.scoring.responses.late")).isEqualTo(1.0);
        ScopeTotals chat = scoring.driver.<String, ScopeTotals>getKeyValueStore(ScoringTopology.TALLIES_STORE)
                .get("channel|chat");
        assertThat(chat.lateEvents()).isEqualTo(1);
        assertThat(chat.all().csat().n()).isEqualTo(2);
        assertThat(DayBuckets.trailing(DayBuckets.dayOf(T0.toEpochMilli()), day -> scoring.driver
                .<String, io.omnipulse.scoring.domain.ScoreTally>getKeyValueStore(ScoringTopology.BUCKETS_STORE)
                .get(TallyWindows.bucketKey("channel|chat", day))).get(io.omnipulse.scoring.domain.Window.DAYS_90)
                .csat().n()).isEqualTo(1);
    }

    @Test
    void graceIsMeasuredAgainstTheLatestEventOfAnyKindOnThePartition() {
        scoring.send(Events.handled("i1", Channel.CALL, "bob@example.com", T0, null, null, null,
                io.omnipulse.events.InteractionStatus.RESOLVED, 0, 0),
                answer("late", Channel.CHAT, ANN, daysBefore(9), Metric.NPS, 10, null));

        assertThat(scoring.counter("omnipulse.scoring.responses.late")).isEqualTo(1.0);
        Map<String, ScoreUpdated> latest = scoring.latest();
        assertThat(latest.get("channel:chat:all").nps().n()).isEqualTo(1);
        assertThat(latest.get("channel:chat:90d").nps().n()).isZero();
    }

    @Test
    void windowsMoveWithEventTimeAndArePublishedOnANewDay() {
        scoring.send(answer("a", Channel.SOCIAL, ANN, T0, Metric.NPS, 10, null));
        scoring.output.readKeyValuesToList();

        // Eight days later: the first answer left the 7-day window, still in the 30-day one.
        scoring.send(answer("b", Channel.CALL, ANN, T0.plus(Duration.ofDays(8)), Metric.NPS, 0, null));

        Map<String, ScoreUpdated> latest = scoring.latest();
        assertThat(latest.get("global:all:7d").nps()).extracting(ScoreUpdated.Nps::promoters,
                ScoreUpdated.Nps::detractors).containsExactly(0L, 1L);
        assertThat(latest.get("global:all:30d").nps().n()).isEqualTo(2);
        assertThat(latest).doesNotContainKey("channel:social:7d");
    }

    @Test
    void sameDayAnswerOutsideAWindowDoesNotRepublishIt() {
        scoring.send(answer("a", Channel.SOCIAL, ANN, T0, Metric.NPS, 10, null));
        scoring.output.readKeyValuesToList();

        scoring.send(answer("b", Channel.SOCIAL, ANN, daysBefore(7), Metric.NPS, 0, null));

        assertThat(scoring.latest()).containsKeys("global:all:all", "global:all:30d", "global:all:90d")
                .doesNotContainKey("global:all:7d");
    }

    @Test
    void dayBucketsOlderThanTheLongestWindowPlusGraceArePurged() {
        scoring.send(answer("a", Channel.EMAIL, ANN, T0, Metric.NPS, 10, null),
                answer("b", Channel.EMAIL, ANN, T0.plus(Duration.ofDays(98)), Metric.NPS, 10, null));
        String firstDay = TallyWindows.bucketKey("global|all", DayBuckets.dayOf(T0.toEpochMilli()));
        assertThat(scoring.driver.getKeyValueStore(ScoringTopology.BUCKETS_STORE).get(firstDay)).isNotNull();

        scoring.driver.advanceWallClockTime(Duration.ofHours(1));

        assertThat(scoring.driver.getKeyValueStore(ScoringTopology.BUCKETS_STORE).get(firstDay)).isNull();
        assertThat(scoring.driver.getKeyValueStore(ScoringTopology.BUCKETS_STORE).get(
                TallyWindows.bucketKey("global|all", DayBuckets.dayOf(T0.plus(Duration.ofDays(98)).toEpochMilli()))))
                .isNotNull();
    }
}

package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.T0;
import static io.omnipulse.scoring.streams.Events.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.domain.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trailing windows move on with the day, also for scope keys that get no new response. */
class WindowRolloverTest {

    static final String ANN = "ann@example.com";
    static final String CUSTOMER = "customer:" + Events.keyOf(answer("x", Channel.EMAIL, ANN, T0, Metric.NPS, 1, null));
    static final long DAY_D = DayBuckets.dayOf(T0.toEpochMilli());

    /** Wall clock starts at T0 (day D, 09:00), like the event clock of the answers sent. */
    final ScoringDriver scoring = new ScoringDriver();

    @AfterEach
    void close() {
        scoring.close();
    }

    static Instant daysBefore(int days) {
        return T0.minus(Duration.ofDays(days));
    }

    @Test
    void onANewDayOnlyTheSevenDayWindowsThatADayLeftArePublishedAgain() {
        scoring.send(answer("old", Channel.EMAIL, ANN, daysBefore(6), Metric.NPS, 10, null),
                answer("new", Channel.CHAT, ANN, T0, Metric.NPS, 0, null));
        scoring.output.readKeyValuesToList();

        // No answer after day D; the wall clock reaches D+1, the day of "old" leaves the 7-day window.
        scoring.driver.advanceWallClockTime(Duration.ofDays(1));

        List<KeyValue<String, ScoreUpdated>> published = scoring.output.readKeyValuesToList();
        assertThat(published).extracting(kv -> kv.key)
                .containsExactlyInAnyOrder("global:all:7d", "channel:email:7d", CUSTOMER + ":7d");
        Map<String, ScoreUpdated> latest = toMap(published);
        assertThat(latest.get("global:all:7d").nps()).extracting(ScoreUpdated.Nps::n, ScoreUpdated.Nps::detractors)
                .containsExactly(1L, 1L);
        assertThat(latest.get("channel:email:7d").nps().n()).isZero();
        assertThat(latest.get(CUSTOMER + ":7d").nps().n()).isEqualTo(1);
        assertThat(published).allSatisfy(kv -> assertThat(kv.value.updatedAt()).isEqualTo(T0.plus(Duration.ofDays(1))));
        assertEqualsTheQueriedWindows(published);
        assertThat(totals().get("channel|email").windowEndDay()).isEqualTo(DAY_D + 1);

        // Same day again: nothing.
        scoring.driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(scoring.output.isEmpty()).isTrue();

        // Day D+7 begins: "new" leaves the 7-day windows; nothing leaves a 30-day or 90-day one.
        scoring.driver.advanceWallClockTime(Duration.ofDays(5).plusHours(15).plusMinutes(30));
        published = scoring.output.readKeyValuesToList();
        assertThat(published).extracting(kv -> kv.key)
                .containsExactlyInAnyOrder("global:all:7d", "channel:chat:7d", CUSTOMER + ":7d");
        assertThat(published).allSatisfy(kv -> assertThat(kv.value.nps().n()).isZero());
        assertEqualsTheQueriedWindows(published);
    }

    @Test
    void aScopeKeyWithoutABucketAtTheBoundaryPublishesNothing() {
        scoring.send(answer("a", Channel.EMAIL, ANN, T0, Metric.CSAT, 5, null),
                answer("b", Channel.EMAIL, ANN, daysBefore(3), Metric.CSAT, 2, null));
        scoring.output.readKeyValuesToList();

        scoring.driver.advanceWallClockTime(Duration.ofDays(1));
        scoring.driver.advanceWallClockTime(Duration.ofDays(1));

        assertThat(scoring.output.isEmpty()).isTrue();
    }

    @Test
    void aReplayOfOldDataPublishesNothingDatedToday() {
        // Event clock 190 days behind the wall clock: a replay, not live traffic.
        scoring.send(answer("a", Channel.EMAIL, ANN, daysBefore(200), Metric.NPS, 10, null),
                answer("b", Channel.CHAT, ANN, daysBefore(190), Metric.NPS, 9, null));
        scoring.output.readKeyValuesToList();

        scoring.driver.advanceWallClockTime(Duration.ofDays(1));

        List<KeyValue<String, ScoreUpdated>> published = scoring.output.readKeyValuesToList();
        // The event clock moved on to day -190 when "b" came; email's 7-day window, which "b" did not
        // touch, is moved on to that day too, and dated there, not today.
        assertThat(published).extracting(kv -> kv.key).containsExactly("channel:email:7d");
        assertThat(published.get(0).value.updatedAt()).isEqualTo(daysBefore(190));
        assertThat(published.get(0).value.nps().n()).isZero();
        assertEqualsTheQueriedWindows(published);

        scoring.driver.advanceWallClockTime(Duration.ofDays(1));
        assertThat(scoring.output.isEmpty()).isTrue();
    }

    @Test
    void anAnswerOfYesterdayAfterTheRolloverIsPublishedInWindowsEndingToday() {
        scoring.send(answer("a", Channel.EMAIL, ANN, T0, Metric.NPS, 10, null));
        scoring.driver.advanceWallClockTime(Duration.ofDays(1));
        scoring.output.readKeyValuesToList();

        // Given on day D, arriving after the wall clock entered D+1: the windows do not go back a day.
        scoring.send(answer("b", Channel.EMAIL, ANN, T0.plus(Duration.ofHours(1)), Metric.NPS, 0, null));

        Map<String, ScoreUpdated> latest = scoring.latest();
        assertThat(latest.get("channel:email:7d").nps().n()).isEqualTo(2);
        assertThat(latest.get("channel:email:7d").updatedAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        // "all" is dated with the event clock, as the query API dates it.
        assertThat(latest.get("channel:email:all").updatedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    /** Every published trailing window equals the sum of its scope key's buckets for its end day, as queried. */
    private void assertEqualsTheQueriedWindows(List<KeyValue<String, ScoreUpdated>> published) {
        published.forEach(kv -> {
            ScoreUpdated score = kv.value;
            ScopeKey scope = ScopeKey.parse(score.scope() + "|" + score.key());
            Window window = Window.fromWire(score.window());
            ScoreTally queried = DayBuckets.trailing(DayBuckets.dayOf(score.updatedAt().toEpochMilli()),
                    day -> scoring.bucket(scope.format(), day)).get(window);
            assertThat(score).as(kv.key).isEqualTo(queried.toScoreUpdated(scope, window.wire(), score.updatedAt()));
        });
    }

    private KeyValueStore<String, ScopeTotals> totals() {
        return scoring.driver.getKeyValueStore(ScoringTopology.TALLIES_STORE);
    }

    private static Map<String, ScoreUpdated> toMap(List<KeyValue<String, ScoreUpdated>> published) {
        return published.stream().collect(java.util.stream.Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> b));
    }
}

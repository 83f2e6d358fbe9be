package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.T0;
import static io.omnipulse.scoring.streams.Events.answer;
import static io.omnipulse.scoring.streams.Events.handled;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.domain.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two customers merge: the survivor's customer-scope scores and effort are as if it had been one customer all along. */
class MergeFoldingTest {

    static final String ANN = "ann@example.com";
    static final String BOB = "bob@example.com";
    static final String CARL = "carl@example.com";

    final ScoringDriver scoring = new ScoringDriver();

    @AfterEach
    void close() {
        scoring.close();
    }

    static String id(String email) {
        return CustomerKeys.customerId(Events.customer(email));
    }

    static Instant daysBefore(int days) {
        return T0.minus(Duration.ofDays(days));
    }

    /**
     * Responses of Ann and Bob over several days and windows (two on the same day, one beyond 90
     * days), in event-time order, then one of Bob's that comes beyond the grace (late).
     */
    static List<ContactEvent> annAndBob() {
        return List.of(
                answer("b-1", Channel.EMAIL, BOB, daysBefore(100), Metric.CSAT, 1, null),
                answer("a-1", Channel.EMAIL, ANN, daysBefore(40), Metric.NPS, 10, null),
                answer("b-2", Channel.CHAT, BOB, daysBefore(40), Metric.NPS, 3, null),
                answer("a-2", Channel.CALL, ANN, daysBefore(10), Metric.CES, 2, null),
                answer("a-3", Channel.EMAIL, ANN, daysBefore(3), Metric.CSAT, 4, null),
                answer("b-3", Channel.EMAIL, BOB, daysBefore(3), Metric.CES, 6, null),
                answer("b-4", Channel.CHAT, BOB, daysBefore(1), Metric.NPS, 8, null),
                answer("a-4", Channel.CHAT, ANN, T0, Metric.NPS, 9, null),
                answer("b-5", Channel.EMAIL, BOB, daysBefore(20), Metric.NPS, 9, null));
    }

    @Test
    void survivorScoresEqualARecomputationOverBothCustomersInEveryWindow() {
        annAndBob().forEach(e -> scoring.send(Events.keyOf(e), e));
        scoring.merge(id(ANN), id(BOB));

        try (ScoringDriver oneCustomer = new ScoringDriver()) {
            // The recomputation: the same responses, every one keyed by Ann from the start.
            annAndBob().forEach(e -> oneCustomer.send(id(ANN), e));
            long endDay = DayBuckets.dayOf(T0.toEpochMilli());
            Map<Window, ScoreTally> expected = windows(oneCustomer, customer(ANN), endDay);
            assertThat(expected.get(Window.ALL).responses()).isEqualTo(9);
            assertThat(windows(scoring, customer(ANN), endDay)).isEqualTo(expected);
            Map<String, ScoreUpdated> published = scoring.latest();
            for (Window window : Window.values()) {
                ScoreUpdated survivor = published.get("customer:" + id(ANN) + ":" + window.wire());
                assertThat(survivor.updatedAt()).isEqualTo(T0);
                assertThat(scores(survivor)).as(window.wire())
                        .isEqualTo(scores(expected.get(window).toScoreUpdated(ScopeKey.parse(customer(ANN)), "", null)));
                assertThat(published.get("customer:" + id(BOB) + ":" + window.wire()).nps().n()).isZero();
            }
            ScopeTotals survivor = scoring.totals(customer(ANN));
            assertThat(survivor.lateEvents()).isEqualTo(1).isEqualTo(oneCustomer.totals(customer(ANN)).lateEvents());
            // Every other scope is untouched by the merge: nothing counted twice, nothing lost.
            assertThat(allTotals(scoring)).isEqualTo(allTotals(oneCustomer));
        }
        assertThat(scoring.totals(customer(BOB))).isNull();
        assertThat(bucketKeys(scoring)).noneMatch(key -> key.startsWith(customer(BOB) + "#"));
        assertThat(scoring.counter("omnipulse.scoring.merges.folded")).isEqualTo(1.0);
    }

    @Test
    void aResponseForTheMergedIdAfterTheMergeLandsOnTheSurvivor() {
        scoring.send(answer("a-1", Channel.EMAIL, ANN, T0, Metric.NPS, 10, null),
                answer("b-1", Channel.EMAIL, BOB, T0, Metric.NPS, 0, null));
        scoring.merge(id(ANN), id(BOB));
        scoring.output.readKeyValuesToList();

        // Resolved before identity resolution knew of the merge: still keyed by Bob.
        scoring.send(answer("b-2", Channel.EMAIL, BOB, T0.plusSeconds(60), Metric.NPS, 9, null));

        Map<String, ScoreUpdated> published = scoring.latest();
        assertThat(published.get("customer:" + id(ANN) + ":all").nps())
                .extracting(ScoreUpdated.Nps::promoters, ScoreUpdated.Nps::detractors).containsExactly(2L, 1L);
        assertThat(published).doesNotContainKey("customer:" + id(BOB) + ":all");
        assertThat(scoring.totals(customer(BOB))).isNull();
        assertThat(scoring.counter("omnipulse.scoring.merges.followed")).isEqualTo(1.0);
    }

    @Test
    void aMergedIdIsFollowedForTheMergeRetentionOnly() {
        scoring.send(answer("b-1", Channel.EMAIL, BOB, T0, Metric.CSAT, 5, null));
        scoring.merge(id(ANN), id(BOB));

        scoring.driver.advanceWallClockTime(Duration.ofDays(89));
        scoring.send(answer("b-2", Channel.EMAIL, BOB, T0.plusSeconds(60), Metric.CSAT, 4, null));
        assertThat(scoring.totals(customer(ANN)).all().csat().n()).isEqualTo(2);

        // 90 days after the merge (the default retention) the id is forgotten: it counts as a customer of its own.
        scoring.driver.advanceWallClockTime(Duration.ofDays(1).plusHours(2));
        scoring.send(answer("b-3", Channel.EMAIL, BOB, T0.plusSeconds(120), Metric.CSAT, 1, null));
        assertThat(scoring.totals(customer(ANN)).all().csat().n()).isEqualTo(2);
        assertThat(scoring.totals(customer(BOB)).all().csat().n()).isEqualTo(1);
    }

    @Test
    void aMergedCustomersAnswerMovesToTheCallThatArrivesAfterTheMerge() {
        scoring.send(answer("b-1", Channel.EMAIL, BOB, T0.plus(Duration.ofHours(1)), Metric.CSAT, 5, "conv-b"),
                // Before the call: it stays on e-mail.
                answer("a-1", Channel.EMAIL, ANN, T0.minusSeconds(60), Metric.CSAT, 4, null));
        scoring.merge(id(ANN), id(BOB));

        // Bob's call, resolved to Ann after the merge, rated by Bob's answer remembered since.
        scoring.send(id(ANN), handled("call-b", Channel.CALL, BOB, T0, "conv-b", "billing", "a-7",
                InteractionStatus.RESOLVED, 0, 0));

        Map<String, ScoreUpdated> published = scoring.latest();
        assertThat(published.get("channel:email:all").csat().n()).isEqualTo(1);
        assertThat(published.get("channel:call:all").csat().n()).isEqualTo(1);
        assertThat(published.get("agent:a-7:all").csat().satisfied()).isEqualTo(1);
        assertThat(scoring.totals(customer(ANN)).all().csat().n()).isEqualTo(2);
        assertThat(scoring.counter("omnipulse.scoring.responses.reattributed")).isEqualTo(1.0);
        assertThat(scoring.customerOf(id(BOB))).isNull();
    }

    @Test
    void aChainOfTwoMergesEndsInTheLastSurvivor() {
        scoring.send(answer("c-1", Channel.EMAIL, CARL, daysBefore(20), Metric.CSAT, 1, null),
                answer("a-1", Channel.EMAIL, ANN, T0, Metric.CSAT, 5, null),
                answer("b-1", Channel.EMAIL, BOB, T0, Metric.CSAT, 4, null));
        scoring.merge(id(BOB), id(CARL));
        scoring.merge(id(ANN), id(BOB));
        // Keyed by the first merged id: it follows Carl -> Bob -> Ann.
        scoring.send(answer("c-2", Channel.EMAIL, CARL, T0, Metric.CSAT, 2, null));

        Map<String, ScoreUpdated> published = scoring.latest();
        assertThat(published.get("customer:" + id(ANN) + ":all").csat())
                .extracting(ScoreUpdated.Csat::n, ScoreUpdated.Csat::satisfied).containsExactly(4L, 2L);
        assertThat(published.get("customer:" + id(ANN) + ":7d").csat().n()).isEqualTo(3);
        assertThat(published.get("customer:" + id(ANN) + ":30d").csat().n()).isEqualTo(4);
        assertThat(scoring.totals(customer(BOB))).isNull();
        assertThat(scoring.totals(customer(CARL))).isNull();
        assertThat(scoring.counter("omnipulse.scoring.merges.folded")).isEqualTo(2.0);
    }

    @Test
    void aMergeIntoAnIdMergedBeforeEndsInItsSurvivor() {
        // Merges of different ids travel on different partitions: Bob -> Ann may be seen before Carl -> Bob.
        scoring.send(answer("a-1", Channel.EMAIL, ANN, T0, Metric.CSAT, 5, null),
                answer("b-1", Channel.EMAIL, BOB, T0, Metric.CSAT, 4, null),
                handled("c-0", Channel.CHAT, CARL, T0, "conv-c", "care", "a-3", InteractionStatus.ABANDONED, 0, 0),
                answer("c-1", Channel.EMAIL, CARL, T0, Metric.CSAT, 1, null));
        scoring.merge(id(ANN), id(BOB));
        scoring.merge(id(BOB), id(CARL));

        Map<String, ScoreUpdated> published = scoring.latest();
        assertThat(published.get("customer:" + id(ANN) + ":all").csat())
                .extracting(ScoreUpdated.Csat::n, ScoreUpdated.Csat::satisfied).containsExactly(3L, 2L);
        assertThat(published.get("customer:" + id(CARL) + ":all").csat().n()).isZero();
        assertThat(scoring.totals(customer(BOB))).isNull();
        assertThat(scoring.totals(customer(CARL))).isNull();
        assertThat(scoring.effortOf(id(ANN)).drivers()).containsExactly("chat abandoned");
        assertThat(scoring.effortOf(id(BOB))).isNull();
        // Carl's customer state and his scope's tallies each took the extra hop from Bob to Ann.
        assertThat(scoring.counter("omnipulse.scoring.merges.followed")).isEqualTo(2.0);
    }

    @Test
    void theSameMergeTwiceChangesNothing() {
        scoring.send(handled("m-1", Channel.EMAIL, BOB, T0, "conv-1", "care", "a-1", InteractionStatus.OPEN, 0, 0),
                answer("b-1", Channel.EMAIL, BOB, T0, Metric.CES, 2, "conv-1"),
                answer("a-1", Channel.CALL, ANN, T0, Metric.NPS, 10, null));
        scoring.merge(id(ANN), id(BOB));
        Map<String, ScopeTotals> totalsOnce = allTotals(scoring);
        List<String> bucketsOnce = bucketKeys(scoring);
        EffortState effortOnce = scoring.effortOf(id(ANN));
        EffortAggregate globalOnce = aggregates(scoring).get("global|all");
        scoring.output.readKeyValuesToList();
        scoring.effort.readValuesToList();

        scoring.merge(id(ANN), id(BOB));

        assertThat(scoring.output.isEmpty()).isTrue();
        assertThat(scoring.effort.isEmpty()).isTrue();
        assertThat(allTotals(scoring)).isEqualTo(totalsOnce);
        assertThat(bucketKeys(scoring)).isEqualTo(bucketsOnce);
        assertThat(scoring.effortOf(id(ANN))).isEqualTo(effortOnce);
        assertThat(effortOnce.cesN()).isEqualTo(1);
        assertThat(aggregates(scoring).get("global|all")).isEqualTo(globalOnce);
        assertThat(globalOnce.customers()).isEqualTo(1);
        assertThat(scoring.counter("omnipulse.scoring.merges.folded")).isEqualTo(1.0);
    }

    @Test
    void aReSendNowKeyedByTheSurvivorCountsOnce() {
        ContactEvent bobs = answer("b-1", Channel.EMAIL, BOB, T0, Metric.NPS, 10, null);
        scoring.send(bobs);
        scoring.merge(id(ANN), id(BOB));
        // Identity resolution now resolves the same event to the survivor.
        scoring.send(id(ANN), bobs);

        assertThat(scoring.latest().get("customer:" + id(ANN) + ":all").nps().n()).isEqualTo(1);
        assertThat(scoring.totals("global|all").all().nps().n()).isEqualTo(1);
        assertThat(scoring.counter("omnipulse.scoring.duplicates.dropped")).isEqualTo(1.0);
    }

    @Test
    void survivorsEffortIndexConsidersTheMergedCustomersInteractions() {
        scoring.send(handled("m-1", Channel.EMAIL, BOB, T0, "conv-1", "care", "a-1", InteractionStatus.OPEN, 0, 0),
                handled("c-1", Channel.CALL, ANN, T0.plus(Duration.ofHours(20)), "conv-2", "billing", "a-7",
                        InteractionStatus.RESOLVED, 0, 0));
        assertThat(aggregates(scoring).get("global|all").customers()).isEqualTo(2);
        scoring.effort.readValuesToList();

        scoring.merge(id(ANN), id(BOB));

        List<EffortIndexUpdated> published = scoring.effort.readValuesToList();
        assertThat(published).extracting(EffortIndexUpdated::customerId).containsExactly(id(ANN));
        assertThat(published.get(0).drivers()).containsExactly("2 contacts in 48 h", "email then call");
        assertThat(published.get(0).index()).isEqualTo(30);
        assertThat(scoring.effortOf(id(BOB))).isNull();
        assertThat(aggregates(scoring).get("global|all").customers()).isEqualTo(1);
        assertThat(aggregates(scoring).get("global|all").indexSum()).isEqualTo(30);
        assertThat(aggregates(scoring).get("channel|email")).isNull();
        assertThat(aggregates(scoring).get("team|billing").meanIndex()).isEqualTo(30.0);
    }

    static String customer(String email) {
        return "customer|" + id(email);
    }

    static KeyValueStore<String, EffortAggregate> aggregates(ScoringDriver driver) {
        return driver.driver.getKeyValueStore(ScoringTopology.EFFORT_AGGREGATES_STORE);
    }

    /** Every scope key's totals, as stored. */
    static Map<String, ScopeTotals> allTotals(ScoringDriver driver) {
        return driver.allTotals();
    }

    static List<String> bucketKeys(ScoringDriver driver) {
        return driver.bucketKeys();
    }

    /** A scope key's tallies per window ending with {@code endDay}, read from the stores as queries do. */
    static Map<Window, ScoreTally> windows(ScoringDriver driver, String scopeKey, long endDay) {
        Map<Window, ScoreTally> windows = new TreeMap<>(DayBuckets.trailing(endDay, d -> driver.bucket(scopeKey, d)));
        windows.put(Window.ALL, driver.totals(scopeKey).all());
        return windows;
    }

    /** The counts and scores of an update, without its scope, window and time. */
    static List<Object> scores(ScoreUpdated update) {
        return List.of(update.nps(), update.ces(), update.csat());
    }
}

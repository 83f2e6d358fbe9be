package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.MergeFoldingTest.allTotals;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Metric;
import io.omnipulse.scoring.domain.ScopeTotals;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A merge and its reverse (A into B, later B into A: A was split off or became the oldest again)
 * must not send records round the merge-folds topic for ever; what circulates anyway is stopped by
 * the hop count, counted and dropped (the service's handler makes it a dead letter).
 */
class MergeCyclesTest {

    static final Instant T1 = Instant.parse("2025-01-06T10:00:00Z");
    static final Instant T2 = T1.plusSeconds(60);
    static final Instant T3 = T2.plusSeconds(60);

    final ScoringDriver scoring = ScoringDriver.continuingAfterErrors();
    final TestOutputTopic<String, MergeFold> folds = scoring.driver.createOutputTopic(ScoringTopology.FOLDS,
            Serdes.String().deserializer(), ScoringTopology.FOLD_SERDE.deserializer());
    int sent;

    @AfterEach
    void close() {
        scoring.close();
    }

    @Test
    void aReverseMergeFoldsEverythingIntoTheNewSurvivorWithoutCirculating() {
        answer("a");
        answer("b");
        scoring.merge("b", "a", T1);
        answer("a");
        scoring.merge("a", "b", T2);
        answer("a");
        answer("b");

        assertQuiet();
        assertThat(csat("customer|a")).isEqualTo(5);
        assertThat(csat("customer|b")).isZero();
        assertThat(pointers()).containsExactly(Map.entry("b", "a"));
        assertThat(scoring.counter("omnipulse.scoring.merges.stale")).isEqualTo(1);
    }

    @Test
    void aReverseMergeAtTheSameInstantEndsTheCycleToo() {
        answer("a");
        scoring.merge("b", "a", T1);
        scoring.merge("a", "b", T1);
        answer("a");
        answer("b");

        assertQuiet();
        assertThat(csat("customer|a")).isEqualTo(3);
        assertThat(pointers()).containsExactly(Map.entry("b", "a"));
    }

    @Test
    void anOlderMergeThatArrivesAfterItsReverseComesBackHome() {
        answer("a");
        answer("b");
        scoring.merge("a", "b", T2);
        scoring.merge("b", "a", T1);
        answer("a");
        answer("b");

        assertQuiet();
        assertThat(csat("customer|a")).isEqualTo(4);
        assertThat(csat("customer|b")).isZero();
        assertThat(pointers()).containsExactly(Map.entry("b", "a"));
    }

    @Test
    void anIdThatLivesAgainKeepsItsNewEvents() {
        answer("a");
        scoring.merge("b", "a", T1);
        answer("a");
        scoring.livesAgain("a", T2);
        answer("a");

        assertQuiet();
        assertThat(csat("customer|b")).isEqualTo(2);
        assertThat(csat("customer|a")).isEqualTo(1);
        assertThat(pointers()).isEmpty();
    }

    @Test
    void anOlderMergeArrivingAfterTheIdLivesAgainDoesNotMergeItAgain() {
        scoring.merge("b", "a", T1);
        scoring.livesAgain("a", T2);
        scoring.merge("b", "a", T1);
        answer("a");

        assertThat(csat("customer|a")).isEqualTo(1);
        assertThat(pointers()).isEmpty();
    }

    @Test
    void aStaleWordThatAnIdLivesKeepsTheNewerMerge() {
        scoring.merge("b", "a", T2);
        scoring.livesAgain("a", T1);
        answer("a");

        assertThat(csat("customer|b")).isEqualTo(1);
        assertThat(pointers()).containsExactly(Map.entry("a", "b"));
    }

    @Test
    void aNewerMergeOfAMergedIdPointsItAtTheNewSurvivor() {
        scoring.merge("b", "a", T1);
        scoring.merge("c", "a", T2);
        scoring.merge("b", "a", T1);
        answer("a");

        assertQuiet();
        assertThat(csat("customer|c")).isEqualTo(1);
        assertThat(pointers()).containsExactly(Map.entry("a", "c"));
    }

    @Test
    void aCirculatingRecordIsStoppedByTheHopCountAndTheNextOneIsCounted() {
        TestInputTopic<String, MergeFold> loop = scoring.driver.createInputTopic(ScoringTopology.FOLDS,
                Serdes.String().serializer(), ScoringTopology.FOLD_SERDE.serializer());
        loop.pipeInput("x", new MergeFold.Event(response("x"), ScoringTopology.DEFAULT_MAX_LOOP_HOPS + 1));
        loop.pipeInput("x", new MergeFold.Event(Events.feedback("next-x", Channel.EMAIL, Metric.CSAT, 5),
                ScoringTopology.DEFAULT_MAX_LOOP_HOPS));

        assertThat(scoring.counter("omnipulse.loop.guard.tripped")).isEqualTo(1);
        assertThat(scoring.meters.find("omnipulse.loop.guard.tripped").tag("topic", ScoringTopology.FOLDS)
                .counter().count()).isEqualTo(1);
        assertThat(csat("customer|x")).isEqualTo(1);
    }

    @Test
    void aFoldWithoutAHopCountIsReadAsNotLoopedYet() {
        TestInputTopic<String, MergeFold> loop = scoring.driver.createInputTopic(ScoringTopology.FOLDS,
                Serdes.String().serializer(), ScoringTopology.FOLD_SERDE.serializer());
        MergeFold uncounted = MergeFold.event(response("x"));
        byte[] wire = ScoringTopology.FOLD_SERDE.serializer().serialize("t", uncounted);
        assertThat(wire[wire.length - 1]).as("no hop count: its presence byte is 0").isZero();
        loop.pipeInput("x", uncounted);

        assertThat(csat("customer|x")).isEqualTo(1);
        assertThat(scoring.counter("omnipulse.loop.guard.tripped")).isZero();
    }

    private void answer(String customer) {
        scoring.send(customer, response(customer));
    }

    private ContactEvent response(String customer) {
        return Events.feedback("r-" + (++sent) + "-" + customer, Channel.EMAIL, Metric.CSAT, 5);
    }

    /** Every fold written was read again and nothing was refused. */
    private void assertQuiet() {
        assertThat(scoring.counter("omnipulse.loop.guard.tripped")).isZero();
        assertThat(folds.readValuesToList()).allSatisfy(f -> assertThat(f.hops()).isLessThanOrEqualTo(3));
    }

    private long csat(String scopeKey) {
        ScopeTotals totals = allTotals(scoring).get(scopeKey);
        return totals == null ? 0 : totals.all().csat().n();
    }

    private Map<String, String> pointers() {
        KeyValueStore<String, MergedInto> store = scoring.driver.getKeyValueStore(ScoringTopology.MERGED_CUSTOMERS_STORE);
        Map<String, String> out = new TreeMap<>();
        try (KeyValueIterator<String, MergedInto> all = store.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.pointsOn()) {
                    out.put(kv.key, kv.value.survivor());
                }
            });
        }
        return out;
    }
}

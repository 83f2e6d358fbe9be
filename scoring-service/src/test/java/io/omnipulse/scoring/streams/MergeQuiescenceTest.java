package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.MergeFoldingTest.allTotals;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.Metric;
import io.omnipulse.scoring.domain.ScopeTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The merges a messy population makes profile-service publish, read the way Kafka may hand them
 * over (fixed seeds): merges both ways, chains, ids that live again (with profile's word for it, or,
 * as before this existed, without), replayed merges, and each merge delayed by a random amount against
 * the events and the other ids' merges (one merged id's merges stay in order, as on its partition).
 * The folds topic comes to rest after every record, the hop guard never trips, every answer counts
 * once, no merged id keeps counts, no pointers form a cycle and, with profile's word, the pointers
 * are exactly the merges that hold in the end. The oracle is plain bookkeeping, no production code.
 */
class MergeQuiescenceTest {

    private static final long[] SEEDS = {5L, 17L, 2026L};
    private static final Instant T1 = Instant.parse("2025-01-06T10:00:00Z");

    /** One record to pipe in: an answer keyed by {@code key}, or a merge of {@code key} into {@code survivor}. */
    private record Op(double position, String key, String survivor, Instant madeAt, String eventId) {
    }

    private record Population(List<Op> ops, Map<String, String> finalMerges, int answers, int reverseMerges) {
    }

    @Test
    void withProfilesWordThatIdsLiveAgainThePointersAreTheMergesThatHold() {
        int reverse = 0;
        for (long seed : SEEDS) {
            Population population = population(new Random(seed), true);
            reverse += population.reverseMerges();
            Map<String, String> pointers = runAndCheck(population, "seed " + seed);
            assertThat(pointers).as("seed " + seed).isEqualTo(population.finalMerges());
        }
        assertThat(reverse).isPositive();
    }

    @Test
    void withoutProfilesWordReverseMergesStillComeToRest() {
        int reverse = 0;
        for (long seed : SEEDS) {
            Population population = population(new Random(seed), false);
            reverse += population.reverseMerges();
            runAndCheck(population, "seed " + seed + " without notices");
        }
        assertThat(reverse).isPositive();
    }

    private static Map<String, String> runAndCheck(Population population, String where) {
        try (ScoringDriver scoring = ScoringDriver.continuingAfterErrors()) {
            TestOutputTopic<String, MergeFold> folds = scoring.driver.createOutputTopic(ScoringTopology.FOLDS,
                    Serdes.String().deserializer(), ScoringTopology.FOLD_SERDE.deserializer());
            long foldRecords = 0;
            for (Op op : population.ops()) {
                if (op.eventId() != null) {
                    scoring.send(op.key(), Events.feedback(op.eventId(), Channel.EMAIL, Metric.CSAT, 4));
                } else {
                    scoring.merge(op.survivor(), op.key(), op.madeAt());
                }
                // The driver follows every fold until none is left: this is all this record caused.
                List<MergeFold> written = folds.readValuesToList();
                assertThat(written.size()).as(where).isLessThanOrEqualTo(30);
                foldRecords += written.size();
            }
            assertThat(scoring.counter("omnipulse.loop.guard.tripped")).as(where).isZero();
            assertThat(foldRecords).as(where).isLessThan(3L * population.ops().size());

            Map<String, Long> customers = new TreeMap<>();
            allTotals(scoring).forEach((key, totals) -> {
                if (key.startsWith("customer|")) {
                    customers.put(key.substring("customer|".length()), totals.all().csat().n());
                }
            });
            ScopeTotals global = allTotals(scoring).get("global|all");
            assertThat(global.all().csat().n()).as(where).isEqualTo(population.answers());
            assertThat(customers.values().stream().mapToLong(Long::longValue).sum()).as(where)
                    .isEqualTo(population.answers());
            Map<String, String> pointers = pointers(scoring);
            pointers.keySet().forEach(merged -> assertThat(customers.getOrDefault(merged, 0L))
                    .as(where + ": counts kept by merged id " + merged).isZero());
            pointers.keySet().forEach(merged -> {
                Set<String> seen = new HashSet<>();
                String at = merged;
                while (at != null && seen.add(at)) {
                    at = pointers.get(at);
                }
                assertThat(at).as(where + ": pointers from " + merged + " form a cycle").isNull();
            });
            return pointers;
        }
    }

    /**
     * Twelve customers; per step an answer (keyed by the customer profile resolves it to, or now and
     * then by an id merged since), a merge of one live customer into another (half the time back into
     * one that was merged into it before), an id that lives again, or a replayed merge.
     */
    private static Population population(Random random, boolean notices) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add("c" + i);
        }
        Set<String> live = new HashSet<>(ids);
        Map<String, String> truth = new HashMap<>();
        Map<String, String> revivedFrom = new HashMap<>();
        List<Op> ops = new ArrayList<>();
        List<Op> merges = new ArrayList<>();
        Map<String, Double> lastOfKey = new HashMap<>();
        int answers = 0;
        int reverse = 0;
        for (int n = 0; n < 400; n++) {
            Instant madeAt = T1.plusSeconds(n);
            int roll = random.nextInt(10);
            String x = null;
            String into = null;
            if (roll < 5) {
                String id = ids.get(random.nextInt(ids.size()));
                String key = random.nextInt(5) == 0 ? id : root(truth, id);
                ops.add(new Op(n, key, null, null, "a-" + n));
                answers++;
                continue;
            }
            if (roll < 8 && live.size() > 1) {
                // revived id -> the survivor it had been merged into; both live: that one may merge back into it.
                List<Map.Entry<String, String>> reversible = new TreeMap<>(revivedFrom).entrySet().stream()
                        .filter(e -> live.contains(e.getKey()) && live.contains(e.getValue())).toList();
                if (!reversible.isEmpty() && random.nextBoolean()) {
                    Map.Entry<String, String> back = reversible.get(random.nextInt(reversible.size()));
                    x = back.getValue();
                    into = back.getKey();
                    reverse++;
                } else {
                    List<String> alive = live.stream().sorted().toList();
                    x = alive.get(random.nextInt(alive.size()));
                    String pick = alive.get(random.nextInt(alive.size()));
                    into = pick.equals(x) ? null : pick;
                }
            } else if (roll < 9 && !truth.isEmpty()) {
                List<String> merged = truth.keySet().stream().sorted().toList();
                String back = merged.get(random.nextInt(merged.size()));
                revivedFrom.put(back, truth.remove(back));
                live.add(back);
                if (notices) {
                    Op notice = delayed(random, n, back, back, madeAt, lastOfKey);
                    ops.add(notice);
                }
                continue;
            } else if (!merges.isEmpty()) {
                Op replay = merges.get(random.nextInt(merges.size()));
                ops.add(delayed(random, n, replay.key(), replay.survivor(), replay.madeAt(), lastOfKey));
                continue;
            }
            if (x == null || into == null) {
                continue;
            }
            truth.put(x, into);
            live.remove(x);
            revivedFrom.remove(x);
            Op merge = delayed(random, n, x, into, madeAt, lastOfKey);
            merges.add(merge);
            ops.add(merge);
        }
        ops.sort(Comparator.comparingDouble(Op::position));
        return new Population(ops, new TreeMap<>(truth), answers, reverse);
    }

    /** A merge on its merged id's partition: up to 25 steps late, never before an earlier one of that id. */
    private static Op delayed(Random random, int n, String key, String survivor, Instant madeAt,
            Map<String, Double> lastOfKey) {
        double position = Math.max(n + random.nextInt(25) + 0.5, lastOfKey.getOrDefault(key, -1.0) + 0.001);
        lastOfKey.put(key, position);
        return new Op(position, key, survivor, madeAt, null);
    }

    private static String root(Map<String, String> truth, String id) {
        String at = id;
        Set<String> seen = new HashSet<>();
        while (truth.containsKey(at) && seen.add(at)) {
            at = truth.get(at);
        }
        return at;
    }

    private static Map<String, String> pointers(ScoringDriver scoring) {
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

package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.T0;
import static io.omnipulse.scoring.streams.Events.answer;
import static io.omnipulse.scoring.streams.Events.handled;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortSignal;
import io.omnipulse.scoring.domain.EffortState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-signal counts of the effort aggregates are kept incrementally, by taking each customer's old
 * contribution out and the new one in. Whatever the changes (index, signals, team and channel moves,
 * customers leaving), the result must equal the aggregates recomputed from the customers' final states.
 * Fixed seeds, so that a failure repeats.
 */
class EffortDriverCountsTest {

    static final List<String> TEAMS = Arrays.asList("care", "billing", "sales", " sales ", null, " ");
    static final List<Channel> CHANNELS = Arrays.asList(Channel.CALL, Channel.CHAT, Channel.EMAIL, null);
    static final Serde<EffortAggregate> REPARTITION = ScoringTopology.EFFORT_SUM_SERDE;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 17, 2024})
    void incrementalCountsEqualTheCountsOfTheFinalStates(long seed) {
        Random random = new Random(seed);
        Map<String, EffortState> states = new HashMap<>();
        Map<String, EffortAggregate> sums = new HashMap<>();
        // Some customers were stored before signals were kept: their states and the sums count none.
        for (int c = 0; c < 10; c++) {
            EffortState legacy = randomState(random, false);
            apply(new EffortChange(EffortState.NONE, legacy).deltas(), sums);
            states.put("c-" + c, legacy);
        }
        Map<String, EffortAggregate> pending = new HashMap<>();
        for (int step = 0; step < 2_000; step++) {
            String customer = "c-" + random.nextInt(30);
            EffortState before = states.getOrDefault(customer, EffortState.NONE);
            EffortState after = random.nextInt(10) == 0 ? EffortState.NONE : randomState(random, true);
            states.put(customer, after);
            // As in the topology: summed per scope key until the commit, then through the repartition.
            for (KeyValue<String, EffortAggregate> delta : new EffortChange(before, after).deltas()) {
                pending.merge(delta.key, delta.value, EffortAggregate::plus);
            }
            if (random.nextInt(5) == 0) {
                apply(throughRepartition(pending), sums);
                pending.clear();
            }
        }
        apply(throughRepartition(pending), sums);

        assertThat(sums).isEqualTo(recomputed(states.values()));
        sums.values().forEach(EffortDriverCountsTest::countsAreWithinTheCustomers);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7})
    void theTopologysAggregatesEqualThoseOfItsCustomersFinalStates(long seed) {
        Random random = new Random(seed);
        try (ScoringDriver scoring = new ScoringDriver()) {
            List<String> emails = new ArrayList<>();
            for (int c = 0; c < 12; c++) {
                emails.add("random-" + c + "@example.com");
            }
            for (int e = 0; e < 250; e++) {
                String email = emails.get(random.nextInt(emails.size()));
                Instant at = T0.plus(Duration.ofHours(random.nextInt(24 * 20)));
                if (random.nextInt(6) == 0) {
                    scoring.send(answer("s-" + e, Channel.EMAIL, email, at, Metric.CES, 1 + random.nextInt(7), null));
                } else if (random.nextInt(20) == 0) {
                    String survivor = emails.get(random.nextInt(emails.size()));
                    if (!survivor.equals(email)) {
                        scoring.merge(id(survivor), id(email));
                    }
                } else {
                    scoring.send(handled("i-" + e, CHANNELS.get(random.nextInt(3)), email, at,
                            "conv-" + random.nextInt(4), TEAMS.get(random.nextInt(TEAMS.size())), "a",
                            InteractionStatus.values()[random.nextInt(InteractionStatus.values().length)],
                            random.nextInt(3), random.nextInt(3) * 400));
                }
            }

            Map<String, EffortAggregate> sums = all(scoring.driver.getKeyValueStore(
                    ScoringTopology.EFFORT_AGGREGATES_STORE));
            Map<String, EffortState> states = scoring.efforts();
            assertThat(sums).isEqualTo(recomputed(states.values()));
            assertThat(sums.get("global|all").drivers()).isNotEmpty();
            sums.values().forEach(EffortDriverCountsTest::countsAreWithinTheCustomers);
        }
    }

    static EffortState randomState(Random random, boolean withSignals) {
        Set<EffortSignal> signals = EnumSet.noneOf(EffortSignal.class);
        for (EffortSignal signal : EffortSignal.values()) {
            if (withSignals && random.nextBoolean()) {
                signals.add(signal);
            }
        }
        Integer index = random.nextInt(8) == 0 ? null : random.nextInt(101);
        int cesN = random.nextInt(3);
        return new EffortState(index, List.of(), signals, 0, CHANNELS.get(random.nextInt(CHANNELS.size())),
                TEAMS.get(random.nextInt(TEAMS.size())), cesN, cesN * random.nextInt(101));
    }

    static List<KeyValue<String, EffortAggregate>> throughRepartition(Map<String, EffortAggregate> pending) {
        return pending.entrySet().stream().map(e -> KeyValue.pair(e.getKey(), REPARTITION.deserializer()
                .deserialize("t", REPARTITION.serializer().serialize("t", e.getValue())))).toList();
    }

    /** What SumEffort does with each delta: added to its key's aggregate, removed once nothing is left. */
    static void apply(List<KeyValue<String, EffortAggregate>> deltas, Map<String, EffortAggregate> sums) {
        for (KeyValue<String, EffortAggregate> delta : deltas) {
            EffortAggregate after = sums.getOrDefault(delta.key, EffortAggregate.EMPTY).plus(delta.value);
            if (after.addsNothing()) {
                sums.remove(delta.key);
            } else {
                sums.put(delta.key, after);
            }
        }
    }

    /** The oracle: every customer's contribution to each scope key they belong to, from scratch. */
    static Map<String, EffortAggregate> recomputed(Iterable<EffortState> states) {
        Map<String, EffortAggregate> sums = new HashMap<>();
        for (EffortState state : states) {
            EffortAggregate.keysOf(state).forEach(key -> sums.merge(key, EffortAggregate.of(state),
                    EffortAggregate::plus));
        }
        sums.values().removeIf(EffortAggregate::addsNothing);
        return sums;
    }

    static void countsAreWithinTheCustomers(EffortAggregate sum) {
        for (EffortSignal signal : EffortSignal.values()) {
            assertThat(sum.signals().of(signal)).isBetween(0L, sum.customers());
        }
    }

    static <V> Map<String, V> all(KeyValueStore<String, V> store) {
        Map<String, V> all = new HashMap<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> all.put(kv.key, kv.value));
        }
        return all;
    }

    static String id(String email) {
        return CustomerKeys.customerId(Events.customer(email));
    }
}

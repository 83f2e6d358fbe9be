package io.omnipulse.scoring.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.ContactEvent;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a timed test: pushes N generated events (the oracle's mix: 40 % interactions, re-sends,
 * out-of-order and late answers) through the topology on a TopologyTestDriver with in-memory stores
 * and prints events/s. (With RocksDB the driver flushes the stores after every record, so it would
 * measure fsyncs, not the topology.) Runs only on request:
 * {@code ./mvnw -B -o -q -pl scoring-service test -Dtest=ScoringBenchmark -Dbenchmark=true}
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ScoringBenchmark {

    @Test
    void eventsPerSecond() {
        List<ContactEvent> events = ScoringMatchesOracleTest.arrivalOrder(new Random(1));
        for (boolean inMemory : new boolean[] {true}) {
            try (ScoringDriver scoring = new ScoringDriver(ScoringDriver.DEFAULTS, Events.T0, inMemory)) {
                events.subList(0, 2_000).forEach(scoring::send);
                long start = System.nanoTime();
                events.subList(2_000, events.size()).forEach(scoring::send);
                double seconds = (System.nanoTime() - start) / 1e9;
                int measured = events.size() - 2_000;
                System.out.printf("scoring topology, %s stores: %d events in %.2f s = %.0f events/s%n",
                        inMemory ? "in-memory" : "RocksDB", measured, seconds, measured / seconds);
                assertThat(scoring.output.getQueueSize()).isPositive();
            }
        }
    }
}

package io.omnipulse.scoring.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.ContactEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a timed test: pushes N generated events (the oracle's mix: 40 % interactions, re-sends,
 * out-of-order and late answers) through the topology on a TopologyTestDriver with in-memory stores
 * and prints events/s, the CPU time per event, and the records written per input event, per topic
 * (sinks, repartitions and changelogs: what each costs on the real broker). (With RocksDB the driver
 * flushes the stores after every record, so it would measure fsyncs, not the topology.)
 *
 * <p>The driver commits after every record, so what record caches and latest-per-key outputs save
 * in production (many records per commit) does not show in its record counts. The second figure per
 * topic estimates it: per batch of {@link #PER_COMMIT} consecutive input events, the distinct keys
 * written to each changelog and compacted output topic (all records for a repartition topic), i.e.
 * what a commit covering that many events writes when caching collapses each key to its latest value
 * (10,000 events/s at the 100 ms exactly-once commit interval is 1,000 events per commit). It is the
 * cached figure only where caching is on. Runs only on request:
 * {@code ./mvnw -B -o -q -pl scoring-service -am test -Dtest=ScoringBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ScoringBenchmark {

    private static final int WARM_UP = 2_000;
    private static final int PER_COMMIT = 1_000;

    @Test
    void eventsPerSecond() {
        List<ContactEvent> events = ScoringMatchesOracleTest.arrivalOrder(new Random(1));
        try (ScoringDriver scoring = new ScoringDriver(ScoringDriver.DEFAULTS, Events.T0, true)) {
            events.subList(0, WARM_UP).forEach(scoring::send);
            written(scoring, new TreeMap<>(), new TreeMap<>());
            // The driver runs the topology on this thread: its CPU time is what the topology costs,
            // also on a machine shared with other work (where wall-clock time varies).
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, Long> all = new TreeMap<>();
            Map<String, Long> perCommit = new TreeMap<>();
            long cpu = 0;
            long wall = 0;
            long allocated = 0;
            for (int from = WARM_UP; from < events.size(); from += PER_COMMIT) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long allocatedStart = allocatedBytes(threads);
                long start = System.nanoTime();
                events.subList(from, Math.min(from + PER_COMMIT, events.size())).forEach(scoring::send);
                wall += System.nanoTime() - start;
                cpu += threads.getCurrentThreadCpuTime() - cpuStart;
                allocated += allocatedBytes(threads) - allocatedStart;
                written(scoring, all, perCommit);
            }
            int measured = events.size() - WARM_UP;
            System.out.printf("scoring topology, in-memory stores: %d events in %.2f s = %.0f events/s;"
                    + " CPU %.2f s = %.3f ms per event = %.0f events per CPU second%n", measured, wall / 1e9,
                    measured / (wall / 1e9), cpu / 1e9, cpu / 1e6 / measured, measured / (cpu / 1e9));
            // What the garbage collector has to take back per event: the driver's own bookkeeping of
            // every record included, so a change shows as a difference, not as the production figure.
            System.out.printf("  heap allocated: %.1f kB per event%n", allocated / 1e3 / measured);
            long total = 0;
            long totalPerCommit = 0;
            for (Map.Entry<String, Long> topic : all.entrySet()) {
                long n = topic.getValue();
                long c = perCommit.get(topic.getKey());
                total += n;
                totalPerCommit += c;
                System.out.printf("  %-60s %7d records = %6.2f per event; %6.3f per event at %d events per commit%n",
                        topic.getKey().replaceFirst("^scoring-test-[0-9a-f-]{36}-", "<app>-"), n, n / (double) measured,
                        c / (double) measured, PER_COMMIT);
            }
            System.out.printf("  all topics: %d records = %.2f per event; %.3f per event at %d events per commit%n",
                    total, total / (double) measured, totalPerCommit / (double) measured, PER_COMMIT);
            assertThat(all.get(ScoringTopology.SOURCE.name())).isNull();
        }
    }

    /** Bytes this thread allocated so far (HotSpot's count, exact up to its last TLAB). */
    private static long allocatedBytes(ThreadMXBean threads) {
        return ((com.sun.management.ThreadMXBean) threads).getCurrentThreadAllocatedBytes();
    }

    /**
     * Reads what the driver wrote since the last call (it keeps each topic's records until read) and
     * adds per topic all records to {@code all} and the distinct keys to {@code perCommit} (all records
     * for a repartition topic, whose records are never collapsed).
     */
    private static void written(ScoringDriver scoring, Map<String, Long> all, Map<String, Long> perCommit) {
        for (String topic : scoring.driver.producedTopicNames()) {
            List<TestRecord<byte[], byte[]>> records = scoring.driver
                    .createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList();
            Set<ByteBuffer> keys = new HashSet<>();
            records.forEach(r -> keys.add(r.key() == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(r.key())));
            all.merge(topic, (long) records.size(), Long::sum);
            perCommit.merge(topic, topic.endsWith("-repartition") ? records.size() : (long) keys.size(), Long::sum);
        }
    }
}

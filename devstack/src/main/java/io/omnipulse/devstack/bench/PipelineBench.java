package io.omnipulse.devstack.bench;

import io.omnipulse.devstack.QuietKafkaLogs;
import io.omnipulse.devstack.TopicProvisioner;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The throughput bench of a running stack ({@code ./omnipulse}), one command for every figure:
 * <pre>
 * ./omnipulse bench [--runs 3] [--events 50000] [--ingest-seconds 10] [--single-rate 10000] [--batch-rate 30000]
 * </pre>
 * Each run measures, in this order and each phase from a quiet stack (every consumer group caught up):
 * the raw producer on the same broker; ingest with one event a request and with batches, open loop;
 * profile-service's drain of events written straight onto its input; scoring-service's drain of
 * resolved events written straight onto its input; the whole pipeline, from the first POST until
 * profile, scoring and alerting have all caught up (with the records it wrote per event, topic by
 * topic, {@link TopicRecords}, and the CPU each process of the stack spent per event,
 * {@link ProcessCpu}); and, at half that rate, the delay from POST to score update and to stored
 * alert, and how fast profile, scores and alerts are queried meanwhile ({@link LatencyUnderLoad}).
 * It prints each figure per run, then the median of the runs and its ratio to the raw producer. The
 * other services keep running and share the cores, as they do in production. Warm-up runs ({@code --warmup-runs}, one by default) go first and count
 * for nothing: a JVM that has just started spends a third to a half of its CPU in the JIT compiler
 * for minutes, which is start-up, not the steady state a long-running service is in.
 */
public final class PipelineBench {

    private static final Duration CATCH_UP = Duration.ofMinutes(30);
    /** How often the whole-pipeline phase samples the stack's memory for its peak. */
    private static final Duration MEMORY_SAMPLES = Duration.ofSeconds(2);

    private final BenchOptions options;
    private final Admin admin;
    private final ConsumerGroups groups;
    private final TopicRecords records;
    private final Map<String, List<Figure>> figures = new LinkedHashMap<>();
    private final Map<String, List<Long>> latencies = new LinkedHashMap<>();
    /** The partitions of the stack's topics: the raw producer writes as many. */
    private final int partitions;

    private PipelineBench(BenchOptions options, Admin admin, ConsumerGroups groups) {
        this.options = options;
        this.admin = admin;
        this.groups = groups;
        this.partitions = TopicProvisioner.partitionsOf(admin, Topics.CONTACT_EVENTS.name());
        this.records = new TopicRecords(admin);
    }

    public static void main(String[] args) throws Exception {
        QuietKafkaLogs.apply();
        BenchOptions options = BenchOptions.parse(args);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap()));
                ConsumerGroups groups = new ConsumerGroups(admin, options.bootstrap())) {
            new PipelineBench(options, admin, groups).run();
        }
    }

    /** One figure of one run: a rate (per second) and, for loads, the latency it came with. */
    record Figure(double perSecond, String detail) {
    }

    private void run() throws Exception {
        String profile = groups.find("omnipulse-profile");
        String scoring = groups.find("omnipulse-scoring");
        String alerting = groups.find("omnipulse-alerting");
        Map<String, Set<String>> all = Map.of(profile, Set.of(Topics.CONTACT_EVENTS.name()),
                scoring, Set.of(Topics.RESOLVED_EVENTS.name()), alerting, Set.of(Topics.RESOLVED_EVENTS.name()));
        System.out.printf("bench: %d warm-up and %d measured runs; groups %s, %s, %s; %d partitions per topic%n",
                options.warmupRuns(), options.runs(), profile, scoring, alerting, partitions);
        try (IngestLoad ingest = new IngestLoad(options.ingestUrl(), options.apiKey(), options.connections())) {
            runAll(ingest, profile, scoring, all);
        }
        printSummary();
    }

    private void runAll(IngestLoad ingest, String profile, String scoring, Map<String, Set<String>> all)
            throws Exception {
        // Warm-up runs are numbered 0, -1, ...: figures are printed but not kept.
        for (int run = 1 - options.warmupRuns(); run <= options.runs(); run++) {
            long seed = System.nanoTime();
            quiet(all);
            record("raw producer (500 B, acks=all, idempotent)", run,
                    new Figure(new RawProducerRate(admin, options.bootstrap(), partitions).measure(options.rawRecords()), ""));

            quiet(all);
            int singles = (int) (options.singleRate() * options.ingestSeconds());
            record("ingest, one event a request, open loop " + (int) options.singleRate() + "/s", run,
                    load(ingest, SimulatedEvents.generate(singles, seed), 1, options.singleRate()));
            quiet(all);
            int batched = (int) (options.batchRate() * options.ingestSeconds());
            record("ingest, batches of " + options.batchSize() + ", open loop " + (int) options.batchRate() + "/s", run,
                    load(ingest, SimulatedEvents.generate(batched, seed + 1), options.batchSize(), options.batchRate()));

            quiet(all);
            record("profile-service drain", run, drain(Topics.CONTACT_EVENTS.name(), profile, seed + 2,
                    Topics.CONTACT_EVENTS));
            quiet(all);
            record("scoring-service drain", run, drain(Topics.RESOLVED_EVENTS.name(), scoring, seed + 3,
                    Topics.RESOLVED_EVENTS));

            quiet(all);
            List<ContactEvent> events = SimulatedEvents.generate(options.events(), seed + 4);
            Map<String, Long> offsetsBefore = records.endOffsets();
            Map<String, Duration> cpuBefore = ProcessCpu.snapshot();
            long start = System.nanoTime();
            IngestLoad.Result posted;
            ProcessMemory.Peak memory = new ProcessMemory.Peak(MEMORY_SAMPLES);
            try (memory) {
                // Every event must get in for the groups to catch up on all of them: what load shedding
                // refuses is sent again after its Retry-After, as a client would.
                posted = ingest.runUntilAccepted(events, options.batchSize(), Double.MAX_VALUE / 2);
                groups.awaitCaughtUp(all, CATCH_UP);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Duration> cpuAfter = ProcessCpu.snapshot();
            double pipeline = events.size() / seconds;
            record("whole pipeline, POST until every group caught up", run, new Figure(pipeline,
                    String.format("posted at %.0f/s%s", posted.eventsPerSecond(),
                            posted.refused() == 0 ? "" : ", " + posted.refused() + " requests shed and sent again")));
            TopicRecords.print(offsetsBefore, records.endOffsets(), events.size());
            ProcessCpu.print(cpuBefore, cpuAfter, events.size(), seconds);
            memory.print("while the pipeline worked");

            quiet(all);
            double half = pipeline / 2;
            LatencyUnderLoad.Result latency = new LatencyUnderLoad(options).run(ingest, SimulatedEvents.generate((int) (half * options.latencySeconds()),
                    seed + 5), options.batchSize(), half);
            latency("POST -> customer score update, at half the pipeline's rate", run, half, latency.toScore());
            latency("POST -> alert stored, at half the pipeline's rate", run, half, latency.toAlert());
            for (Map.Entry<String, List<Long>> query : latency.queries().millis().entrySet()) {
                latency(query.getKey() + ", at half load", run, half, query.getValue().stream().sorted().toList());
                int failed = latency.queries().failed().get(query.getKey());
                if (failed > 0) {
                    System.out.printf("        %d of these queries failed or did not answer 200%n", failed);
                }
            }
        }
    }

    private Figure load(IngestLoad ingest, List<ContactEvent> events, int perRequest, double rate) throws Exception {
        IngestLoad.Result result = ingest.run(events, perRequest, rate);
        return new Figure(result.eventsPerSecond(), String.format("p50 %d ms, p99 %d ms%s", result.p50Millis(),
                result.p99Millis(), result.refused() == 0 ? "" : ", " + result.refused() + " requests refused"));
    }

    private Figure drain(String input, String group, long seed, io.omnipulse.events.Topic<String, ContactEvent> topic)
            throws Exception {
        List<ContactEvent> events = SimulatedEvents.generate(options.events(), seed);
        long start = System.nanoTime();
        SimulatedEvents.write(options.bootstrap(), topic, events);
        double written = (System.nanoTime() - start) / 1e9;
        groups.awaitCaughtUp(Map.of(group, Set.of(input)), CATCH_UP);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Figure(events.size() / seconds, String.format("%d events written in %.1f s", events.size(), written));
    }

    private void latency(String what, int run, double load, List<Long> sortedMillis) {
        if (sortedMillis.isEmpty()) {
            System.out.printf("%s  %-62s none seen%n", label(run), what);
            return;
        }
        long p99 = SteadyLoad.percentile(sortedMillis, 99);
        if (run > 0) {
            latencies.computeIfAbsent(what, k -> new ArrayList<>()).add(p99);
        }
        System.out.printf("%s  %-62s p50 %d ms, p99 %d ms (%d answers, load %.0f events/s)%n", label(run), what,
                SteadyLoad.percentile(sortedMillis, 50), p99, sortedMillis.size(), load);
    }

    private void quiet(Map<String, Set<String>> all) throws Exception {
        double waited = groups.awaitCaughtUp(all, CATCH_UP);
        if (waited > 1) {
            System.out.printf("  (waited %.0f s for the stack to catch up)%n", waited);
        }
    }

    private void record(String what, int run, Figure figure) {
        if (run > 0) {
            figures.computeIfAbsent(what, k -> new ArrayList<>()).add(figure);
        }
        System.out.printf("%s  %-62s %,10.0f /s  %s%n", label(run), what, figure.perSecond(), figure.detail());
    }

    private static String label(int run) {
        return run > 0 ? "run " + run : "warm-up";
    }

    private void printSummary() {
        double raw = median(figures.values().iterator().next());
        System.out.printf("%nmedian of %d runs%n%-62s %12s %10s%n", options.runs(), "what", "per second", "vs raw");
        figures.forEach((what, runs) -> System.out.printf("%-62s %,12.0f %9.3fx%n", what, median(runs),
                median(runs) / raw));
        latencies.forEach((what, p99s) -> System.out.printf("%-62s %9d ms p99%n", what,
                p99s.stream().sorted().toList().get(p99s.size() / 2)));
    }

    private static double median(List<Figure> runs) {
        List<Double> values = runs.stream().map(Figure::perSecond).sorted().toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}

package io.omnipulse.devstack.bench;

import io.omnipulse.devstack.DevApiKey;
import io.omnipulse.devstack.DevTokens;
import io.omnipulse.security.Roles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The options of {@link PipelineBench}, with defaults sized for a two-core machine. */
record BenchOptions(int runs, int warmupRuns, int events, int rawRecords, double ingestSeconds, double singleRate, double batchRate,
        int batchSize, int connections, double latencySeconds, String bootstrap, String ingestUrl, String profileUrl,
        String scoringUrl, String alertingUrl, String apiKey, String bearer) {

    static final String USAGE = """
            usage: ./omnipulse bench [--runs 3] [--warmup-runs 1] [--events 50000] [--raw-records 500000] [--ingest-seconds 10]
                                     [--single-rate 10000] [--batch-rate 30000] [--batch-size 50] [--connections 256]
                                     [--latency-seconds 20] [--bootstrap localhost:9092]
                                     [--ingest http://localhost:8081] [--profile http://localhost:8082]
                                     [--scoring http://localhost:8083] [--alerting http://localhost:8084]
                                     [--home .omnipulse]
              against a running ./omnipulse (start it first, without --demo); prints every figure per run,
              then the median of the runs and its ratio to the raw producer
              --warmup-runs     runs first whose figures are printed but not counted (JIT warm-up)
              --events          events per drain and for the whole pipeline
              --ingest-seconds  how long each open-loop ingest load lasts
              --single-rate     events/s offered one a request; --batch-rate: events/s offered in batches
              --latency-seconds how long answers are timed to their score and alert, and queries are
                                timed, at half the pipeline's rate
              --home            the stack's home, whose API key the bench posts with (or OMNIPULSE_API_KEY)
                                and whose token key signs its queries' bearer token
            """;

    private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("runs", "3"), Map.entry("warmup-runs", "1"),
            Map.entry("events", "50000"), Map.entry("raw-records", "500000"), Map.entry("ingest-seconds", "10"),
            Map.entry("single-rate", "10000"), Map.entry("batch-rate", "30000"), Map.entry("batch-size", "50"),
            Map.entry("connections", "256"), Map.entry("latency-seconds", "20"), Map.entry("bootstrap", "localhost:9092"),
            Map.entry("ingest", "http://localhost:8081"), Map.entry("profile", "http://localhost:8082"),
            Map.entry("scoring", "http://localhost:8083"), Map.entry("alerting", "http://localhost:8084"),
            Map.entry("home", ".omnipulse"));

    /** The Authorization header of the bench's queries: an admin's token of the stack in {@code home} (DevTokens). */
    static String bearer(Path home) {
        return "Bearer " + DevTokens.ensure(home).token("bench@omnipulse.local", List.of(Roles.ADMIN), List.of(),
                Duration.ofHours(12));
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> v = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!v.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            v.put(name, args[++i]);
        }
        return new BenchOptions(Integer.parseInt(v.get("runs")), Integer.parseInt(v.get("warmup-runs")),
                Integer.parseInt(v.get("events")),
                Integer.parseInt(v.get("raw-records")), Double.parseDouble(v.get("ingest-seconds")),
                Double.parseDouble(v.get("single-rate")), Double.parseDouble(v.get("batch-rate")),
                Integer.parseInt(v.get("batch-size")), Integer.parseInt(v.get("connections")),
                Double.parseDouble(v.get("latency-seconds")), v.get("bootstrap"), v.get("ingest"), v.get("profile"),
                v.get("scoring"), v.get("alerting"), DevApiKey.read(Path.of(v.get("home"))), bearer(Path.of(v.get("home"))));
    }
}

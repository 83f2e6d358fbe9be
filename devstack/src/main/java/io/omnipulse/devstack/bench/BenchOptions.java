package io.omnipulse.devstack.bench;

import java.util.HashMap;
import java.util.Map;

/** The options of {@link PipelineBench}, with defaults sized for a two-core machine. */
record BenchOptions(int runs, int events, int rawRecords, double ingestSeconds, double singleRate, double batchRate,
        int batchSize, int connections, String bootstrap, String ingestUrl) {

    static final String USAGE = """
            usage: ./omnipulse bench [--runs 3] [--events 50000] [--raw-records 500000] [--ingest-seconds 10]
                                     [--single-rate 10000] [--batch-rate 30000] [--batch-size 50] [--connections 256]
                                     [--bootstrap localhost:9092] [--ingest http://localhost:8081]
              against a running ./omnipulse (start it first, without --demo); prints every figure per run,
              then the median of the runs and its ratio to the raw producer
              --events          events per drain and for the whole pipeline
              --ingest-seconds  how long each open-loop ingest load lasts
              --single-rate     events/s offered one a request; --batch-rate: events/s offered in batches
            """;

    private static final Map<String, String> DEFAULTS = Map.of("runs", "3", "events", "50000",
            "raw-records", "500000", "ingest-seconds", "10", "single-rate", "10000", "batch-rate", "30000",
            "batch-size", "50", "connections", "256", "bootstrap", "localhost:9092", "ingest", "http://localhost:8081");

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
        return new BenchOptions(Integer.parseInt(v.get("runs")), Integer.parseInt(v.get("events")),
                Integer.parseInt(v.get("raw-records")), Double.parseDouble(v.get("ingest-seconds")),
                Double.parseDouble(v.get("single-rate")), Double.parseDouble(v.get("batch-rate")),
                Integer.parseInt(v.get("batch-size")), Integer.parseInt(v.get("connections")), v.get("bootstrap"),
                v.get("ingest"));
    }
}

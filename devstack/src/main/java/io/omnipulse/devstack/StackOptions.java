package io.omnipulse.devstack;

import java.nio.file.Path;

/**
 * How to run the local stack.
 *
 * @param repoRoot  the checkout, where each service's {@code target/quarkus-app} is found
 * @param home      where data and logs go (default {@code .omnipulse} in the checkout)
 * @param firstServicePort ingest gets this port, then profile, scoring and alerting the next ones
 * @param keepData  reuse broker, database and streams state from the last run instead of starting empty
 * @param demoRate  simulated events per second; 0 = no demo traffic
 */
public record StackOptions(Path repoRoot, Path home, int kafkaPort, int postgresPort, int firstServicePort,
                           boolean keepData, double demoRate) {

    public static StackOptions defaults(Path repoRoot) {
        return new StackOptions(repoRoot, repoRoot.resolve(".omnipulse"), 9092, 5432, 8081, false, 0);
    }

    public static StackOptions parse(Path repoRoot, String... args) {
        StackOptions o = defaults(repoRoot);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            o = switch (arg) {
                case "--demo" -> o.withDemoRate(5);
                case "--demo-rate" -> o.withDemoRate(Double.parseDouble(value(args, ++i, arg)));
                case "--keep-data" -> o.withKeepData();
                case "--kafka-port" -> o.withKafkaPort(Integer.parseInt(value(args, ++i, arg)));
                case "--postgres-port" -> o.withPostgresPort(Integer.parseInt(value(args, ++i, arg)));
                case "--home" -> o.withHome(Path.of(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
            };
        }
        return o;
    }

    public StackOptions withDemoRate(double rate) {
        return new StackOptions(repoRoot, home, kafkaPort, postgresPort, firstServicePort, keepData, rate);
    }

    StackOptions withKeepData() {
        return new StackOptions(repoRoot, home, kafkaPort, postgresPort, firstServicePort, true, demoRate);
    }

    StackOptions withKafkaPort(int port) {
        return new StackOptions(repoRoot, home, port, postgresPort, firstServicePort, keepData, demoRate);
    }

    StackOptions withPostgresPort(int port) {
        return new StackOptions(repoRoot, home, kafkaPort, port, firstServicePort, keepData, demoRate);
    }

    StackOptions withHome(Path dir) {
        return new StackOptions(repoRoot, dir, kafkaPort, postgresPort, firstServicePort, keepData, demoRate);
    }

    public static String usage() {
        return """
                usage: ./omnipulse [--demo] [--demo-rate EVENTS_PER_SECOND] [--keep-data]
                                   [--kafka-port 9092] [--postgres-port 5432] [--home .omnipulse]
                  --demo        feed simulated omnichannel traffic (5 events/s) into ingest-service
                  --keep-data   keep broker, database and streams state from the previous run""";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + usage());
        }
        return args[i];
    }
}

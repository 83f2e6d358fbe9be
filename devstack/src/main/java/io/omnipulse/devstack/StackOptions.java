package io.omnipulse.devstack;

import io.omnipulse.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How to run the local stack.
 *
 * @param repoRoot  the checkout, where each service's {@code target/quarkus-app} is found
 * @param home      where data and logs go (default {@code .omnipulse} in the checkout)
 * @param firstServicePort ingest gets this port, then profile, scoring, alerting and the console the next ones
 * @param keepData  reuse broker, database and streams state from the last run instead of starting empty
 * @param demoRate  simulated events per second; 0 = no demo traffic
 * @param services  which services to run, a subset of {@link Stack#SERVICES} (default all five)
 * @param stopTimeout how long a service may take to stop on SIGTERM before it is killed
 * @param brokerProcess run the broker in a JVM of its own ({@link BrokerProcess}) instead of the launcher's.
 *                  Off by default: on a small machine it is one JVM fewer, and an in-JVM broker dies with
 *                  the launcher without the watchdog's help; fault tests turn it on to kill the broker alone.
 * @param instances how many instances of each Kafka Streams service ({@link Stack#STREAMS_SERVICES}) to run,
 *                  1 to {@link #MAX_INSTANCES}; the extra ones take the ports after the console's
 *                  ({@link Stack#portOf(String, int, StackOptions)})
 * @param partitions how many partitions each topic of the catalog gets when the stack creates it (at least
 *                  {@code instances}: an instance beyond the partitions would get no task and only idle)
 */
public record StackOptions(Path repoRoot, Path home, int kafkaPort, int postgresPort, int firstServicePort,
                           boolean keepData, double demoRate, List<String> services, Duration stopTimeout,
                           boolean brokerProcess, int instances, int partitions) {

    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The instances a stack on one machine runs at most (ports are taken in pairs after the console's). */
    public static final int MAX_INSTANCES = 6;
    /**
     * One machine runs one instance of each service unless told otherwise, and every partition costs
     * work whether or not an instance needs it (a task with its own stores, a producer batch, a
     * transaction marker at every commit), so the local stack's topics get two partitions, or one per
     * instance if there are more: still more than one, so that keys, merges and repartitions cross
     * partitions as they do in production. A deployment chooses its own count (the catalog's
     * {@link Topics#DEFAULT_PARTITIONS} in deploy/topics.sh) for the instances it will run at most.
     */
    public static final int LOCAL_PARTITIONS = 2;
    /** The most partitions the local stack creates per topic. */
    public static final int MAX_PARTITIONS = 64;

    public StackOptions {
        services = List.copyOf(services);
        if (!Stack.SERVICES.containsAll(services)) {
            throw new IllegalArgumentException("unknown service in " + services + "; known: " + Stack.SERVICES);
        }
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException("instances must be 1 to " + MAX_INSTANCES + ", not " + instances);
        }
        if (partitions < instances || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be " + instances + " (the instances) to "
                    + MAX_PARTITIONS + ", not " + partitions);
        }
    }

    /**
     * All five services, one instance each, the default stop timeout, the broker in the launcher's JVM,
     * {@link #LOCAL_PARTITIONS} partitions per topic.
     */
    public StackOptions(Path repoRoot, Path home, int kafkaPort, int postgresPort, int firstServicePort,
                        boolean keepData, double demoRate) {
        this(repoRoot, home, kafkaPort, postgresPort, firstServicePort, keepData, demoRate, Stack.SERVICES,
                DEFAULT_STOP_TIMEOUT, false, 1, LOCAL_PARTITIONS);
    }

    public static StackOptions defaults(Path repoRoot) {
        return new StackOptions(repoRoot, repoRoot.resolve(".omnipulse"), 9092, 5432, 8081, false, 0);
    }

    public static StackOptions parse(Path repoRoot, String... args) {
        StackOptions o = defaults(repoRoot);
        Integer partitions = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                o = switch (arg) {
                    case "--demo" -> o.withDemoRate(5);
                    case "--demo-rate" -> o.withDemoRate(Double.parseDouble(value(args, ++i, arg)));
                    case "--keep-data" -> o.with(o.kafkaPort, o.postgresPort, o.firstServicePort, true, o.home);
                    case "--kafka-port" -> o.with(port(args, ++i, arg), o.postgresPort, o.firstServicePort, o.keepData, o.home);
                    case "--postgres-port" -> o.with(o.kafkaPort, port(args, ++i, arg), o.firstServicePort, o.keepData, o.home);
                    case "--service-port" -> o.with(o.kafkaPort, o.postgresPort, port(args, ++i, arg), o.keepData, o.home);
                    case "--home" -> o.with(o.kafkaPort, o.postgresPort, o.firstServicePort, o.keepData, Path.of(value(args, ++i, arg)));
                    case "--services" -> o.withServices(Arrays.asList(value(args, ++i, arg).split(",")));
                    case "--stop-timeout" -> o.withStopTimeout(Duration.ofSeconds(Long.parseLong(value(args, ++i, arg))));
                    case "--broker-process" -> o.withBrokerProcess();
                    case "--instances" -> o.withInstances(Integer.parseInt(value(args, ++i, arg)));
                    case "--partitions" -> {
                        partitions = Integer.parseInt(value(args, ++i, arg));
                        yield o;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                };
            }
            if (partitions != null) {
                o = o.withPartitions(partitions);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + usage());
        }
        return o;
    }

    public StackOptions withDemoRate(double rate) {
        return new StackOptions(repoRoot, home, kafkaPort, postgresPort, firstServicePort, keepData, rate, services,
                stopTimeout, brokerProcess, instances, partitions);
    }

    public StackOptions withServices(List<String> names) {
        return new StackOptions(repoRoot, home, kafkaPort, postgresPort, firstServicePort, keepData, demoRate, names,
                stopTimeout, brokerProcess, instances, partitions);
    }

    public StackOptions withStopTimeout(Duration timeout) {
        return new StackOptions(repoRoot, home, kafkaPort, postgresPort, firstServicePort, keepData, demoRate, services,
                timeout, brokerProcess, instances, partitions);
    }

    public StackOptions withBrokerProcess() {
        return new StackOptions(repoRoot, home, kafkaPort, postgresPort, firstServicePort, keepData, demoRate, services,
                stopTimeout, true, instances, partitions);
    }

    /**
     * {@code count} instances of profile-service and of scoring-service, one consumer group each; the
     * partitions grow to one per instance if there were fewer.
     */
    public StackOptions withInstances(int count) {
        return new StackOptions(repoRoot, home, kafkaPort, postgresPort, firstServicePort, keepData, demoRate, services,
                stopTimeout, brokerProcess, count, Math.max(partitions, count));
    }

    /** {@code count} partitions for each topic the stack creates (topics kept with --keep-data keep theirs). */
    public StackOptions withPartitions(int count) {
        return new StackOptions(repoRoot, home, kafkaPort, postgresPort, firstServicePort, keepData, demoRate, services,
                stopTimeout, brokerProcess, instances, count);
    }

    private StackOptions with(int kafka, int postgres, int firstService, boolean keep, Path dir) {
        return new StackOptions(repoRoot, dir, kafka, postgres, firstService, keep, demoRate, services, stopTimeout,
                brokerProcess, instances, partitions);
    }

    public static String usage() {
        return """
                usage: ./omnipulse [--demo] [--demo-rate EVENTS_PER_SECOND] [--keep-data]
                                   [--kafka-port 9092] [--postgres-port 5432] [--service-port 8081] [--home .omnipulse]
                                   [--services ingest-service,profile-service,...] [--stop-timeout 30] [--broker-process]
                                   [--instances 1] [--partitions 2]
                       ./omnipulse dead-letters list|replay [filters]   (./omnipulse dead-letters --help)
                  --demo            feed simulated omnichannel traffic (5 events/s) into ingest-service
                  --keep-data       keep broker, database and streams state from the previous run
                  --service-port    ingest's port; profile, scoring, alerting and the console take the next four
                  --services        run only these services (comma-separated)
                  --stop-timeout    seconds a service may take to stop on Ctrl-C before it is killed
                  --broker-process  run the Kafka broker in a JVM of its own (for fault tests: kill -9 and restart it)
                  --instances N     run N (1-6) instances of profile-service and of scoring-service, one consumer group
                                    each; instance 1 keeps its port, the others take the ports after the console's,
                                    a pair per instance (profile, scoring): 8086-8087 for instance 2, 8088-8089 for 3
                  --partitions N    partitions of each topic the stack creates (default 2, or one per instance if
                                    more): every partition costs work at each commit, needed or not; at least
                                    the instances, since an instance beyond them would only idle
                  dead-letters      list records the services could not handle (origin and error, never the
                                    content) and replay them onto their source topic after a fix""";
    }

    private static int port(String[] args, int i, String option) {
        return Integer.parseInt(value(args, i, option));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}

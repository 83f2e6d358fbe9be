package io.omnipulse.devstack;

import io.omnipulse.devstack.simulator.TrafficSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole OmniPulse pipeline on one machine: a real Kafka broker (in this JVM), a real
 * PostgreSQL, the catalog's topics and the four services as child processes. {@link #close()}
 * stops everything in reverse order, so no process outlives the stack.
 */
public final class Stack implements AutoCloseable {

    public static final String DATABASE = "omnipulse";
    public static final List<String> SERVICES =
            List.of("ingest-service", "profile-service", "scoring-service", "alerting-service");
    private static final List<String> STREAMS_SERVICES = List.of("profile-service", "scoring-service");
    private static final List<String> DATABASE_SERVICES = List.of("alerting-service");

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private String bootstrapServers;
    private PostgresServer postgres;
    private TrafficSimulator simulator;

    private Stack() {
    }

    /** Starts everything and returns once every service reports ready; on failure stops what started. */
    public static Stack start(StackOptions options, Duration readyTimeout) {
        Stack stack = new Stack();
        try {
            stack.startAll(options, readyTimeout);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(StackOptions options, Duration readyTimeout) {
        if (!options.keepData()) {
            deleteRecursively(options.home());
        }
        KafkaBroker kafka = KafkaBroker.start(options.home().resolve("kafka"), options.kafkaPort());
        started.add(kafka);
        bootstrapServers = kafka.bootstrapServers();
        TopicProvisioner.createAll(bootstrapServers);

        postgres = PostgresServer.start(options.home().resolve("postgres"), options.postgresPort(), options.keepData());
        started.add(postgres);
        postgres.ensureDatabase(DATABASE);

        for (String name : SERVICES) {
            Path jar = options.repoRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
            ServiceProcess service = ServiceProcess.start(name, jar, portOf(name, options), configFor(name, options),
                    options.home().resolve("logs"));
            started.add(service);
            services.put(name, service);
        }
        awaitReady(readyTimeout);

        if (options.demoRate() > 0) {
            simulator = TrafficSimulator.start(service("ingest-service").baseUrl(), options.demoRate(), 42L);
            started.add(simulator);
        }
    }

    /** Everything a service needs comes from here; the same keys work as environment variables. */
    private Map<String, String> configFor(String name, StackOptions options) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        if (STREAMS_SERVICES.contains(name)) {
            config.put("kafka-streams.state.dir", options.home().resolve("streams-state").resolve(name).toString());
        }
        if (DATABASE_SERVICES.contains(name)) {
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
            // Alerts carry the customer's journey and scores, fetched from the two query services.
            config.put("omnipulse.alerting.context.profile-url", "http://localhost:" + portOf("profile-service", options));
            config.put("omnipulse.alerting.context.scoring-url", "http://localhost:" + portOf("scoring-service", options));
        }
        return config;
    }

    private static int portOf(String service, StackOptions options) {
        return options.firstServicePort() + SERVICES.indexOf(service);
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services.values());
        while (!waiting.isEmpty()) {
            for (ServiceProcess s : List.copyOf(waiting)) {
                if (!s.isAlive()) {
                    throw new IllegalStateException(s.name() + " exited during start-up; last log lines:\n"
                            + s.logTail(40));
                }
                if (s.isReady()) {
                    waiting.remove(s);
                }
            }
            if (System.nanoTime() > deadline) {
                ServiceProcess first = waiting.get(0);
                throw new IllegalStateException(first.name() + " not ready after " + timeout + "; log "
                        + first.logFile() + " ends with:\n" + first.logTail(40));
            }
            pause(Duration.ofMillis(250));
        }
    }

    public ServiceProcess service(String name) {
        ServiceProcess s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return s;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** A printable summary of where everything listens. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("  %-18s %s%n", "kafka", bootstrapServers));
        sb.append(String.format("  %-18s %s%n", "postgresql", postgres.jdbcUrl(DATABASE)));
        services.values().forEach(s -> sb.append(String.format("  %-18s %s   (health %s/q/health, metrics %s/q/metrics,"
                + " openapi %s/q/openapi)%n", s.name(), s.baseUrl(), s.baseUrl(), s.baseUrl(), s.baseUrl())));
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        java.util.Collections.reverse(reverse);
        started.clear();
        for (AutoCloseable c : reverse) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("while stopping " + c + ": " + e);
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}

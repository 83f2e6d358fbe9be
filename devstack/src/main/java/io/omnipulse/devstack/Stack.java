package io.omnipulse.devstack;

import io.omnipulse.devstack.simulator.TrafficSimulator;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The whole OmniPulse pipeline on one machine: a real Kafka broker (in this JVM, or in its own with
 * {@link StackOptions#brokerProcess()}), a real PostgreSQL, the catalog's topics and the services as
 * child processes, the Kafka Streams services in {@link StackOptions#instances()} instances each.
 * {@link #close()} stops the services in reverse order of the data flow (a topic's consumers before
 * its producers), each within the stop timeout, then the broker, then PostgreSQL. A {@link Watchdog}
 * makes sure nothing outlives the launcher even if it is killed with SIGKILL.
 */
public final class Stack implements AutoCloseable {

    public static final String DATABASE = "omnipulse";
    /** The services events flow through, in the order of the data flow. */
    public static final List<String> PIPELINE =
            List.of("ingest-service", "profile-service", "scoring-service", "alerting-service");
    /**
     * Every service: the pipeline, then the support leads' console, which reads it. They start in this
     * order and stop in the reverse one.
     */
    public static final List<String> SERVICES = List.of("ingest-service", "profile-service", "scoring-service",
            "alerting-service", "console-service");
    /**
     * The services that keep Kafka Streams state: the ones that run in several instances, each with its
     * own port, state directory and log, all in one consumer group that shares out their partitions.
     */
    public static final List<String> STREAMS_SERVICES = List.of("profile-service", "scoring-service");
    private static final List<String> DATABASE_SERVICES = List.of("alerting-service");
    /** Who acts in the local stack's console, which opens without a login: the audit trail names them. */
    public static final String CONSOLE_SUBJECT = "admin@omnipulse.local";

    /** Each service's instances, instance 1 first; a restart replaces its instance in place. */
    private final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();
    private final Duration stopTimeout;
    private final PrintStream progress;
    private final Map<String, Map<String, String>> extraConfig;
    private StackOptions options;
    private int partitions;
    private Watchdog watchdog;
    private AutoCloseable broker;
    private BrokerProcess brokerProcess;
    private String bootstrapServers;
    private PostgresServer postgres;
    private TrafficSimulator simulator;
    private String apiKey;
    private DevTokens tokens;

    private Stack(Duration stopTimeout, PrintStream progress, Map<String, Map<String, String>> extraConfig) {
        this.stopTimeout = stopTimeout;
        this.progress = progress;
        this.extraConfig = Map.copyOf(extraConfig);
    }

    /** Starts everything and returns once every service reports ready; on failure stops what started. */
    public static Stack start(StackOptions options, Duration readyTimeout) {
        return start(options, readyTimeout, System.out);
    }

    /** As {@link #start(StackOptions, Duration)}, reporting what it stops on {@code progress}. */
    public static Stack start(StackOptions options, Duration readyTimeout, PrintStream progress) {
        return start(options, readyTimeout, progress, Map.of());
    }

    /**
     * As {@link #start(StackOptions, Duration, PrintStream)}, with system properties added to (or
     * replacing) the stack's own for some services, by service name: fault tests shorten timeouts.
     */
    public static Stack start(StackOptions options, Duration readyTimeout, PrintStream progress,
            Map<String, Map<String, String>> extraConfig) {
        Stack stack = new Stack(options.stopTimeout(), progress, extraConfig);
        try {
            stack.startAll(options, readyTimeout);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(StackOptions options, Duration readyTimeout) {
        this.options = options;
        if (!options.keepData()) {
            deleteRecursively(options.home());
        }
        apiKey = DevApiKey.ensure(options.home());
        tokens = DevTokens.ensure(options.home());
        DevCredentials.write(options.home(), apiKey, tokens);
        watchdog = Watchdog.start();
        if (options.brokerProcess()) {
            brokerProcess = BrokerProcess.start(options.home().resolve("kafka"), options.kafkaPort());
            watchdog.watch(brokerProcess.pid(), "KILL");
            broker = brokerProcess;
            bootstrapServers = brokerProcess.bootstrapServers();
        } else {
            KafkaBroker kafka = KafkaBroker.start(options.home().resolve("kafka"), options.kafkaPort());
            broker = kafka;
            bootstrapServers = kafka.bootstrapServers();
        }
        TopicProvisioner.createAll(bootstrapServers, options.partitions());
        partitions = TopicProvisioner.partitionsOf(bootstrapServers, Topics.CONTACT_EVENTS.name());
        if (partitions != options.partitions()) {
            progress.printf("  the topics kept from the last run have %d partitions, not %d: a topic keeps its"
                    + " partitions with its data (start without --keep-data for %d)%n", partitions,
                    options.partitions(), options.partitions());
        }

        // Stopped by close() after the services and the broker, never by a JVM hook of its own.
        postgres = PostgresServer.start(options.home().resolve("postgres"), options.postgresPort(), options.keepData(),
                false);
        // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster takes its backends with it.
        watchdog.watch(postgres.postmasterPid(), "QUIT");
        postgres.ensureDatabase(DATABASE);

        for (String name : SERVICES) {
            if (!options.services().contains(name)) {
                continue;
            }
            Path jar = options.repoRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
            List<ServiceProcess> instances = new CopyOnWriteArrayList<>();
            services.put(name, instances);
            for (int instance = 1; instance <= (STREAMS_SERVICES.contains(name) ? options.instances() : 1); instance++) {
                int port = portOf(name, instance, options);
                ServiceProcess service = ServiceProcess.start(instanceName(name, instance), jar, port,
                        configFor(name, instance, port, options), options.home().resolve("logs"));
                // Killed outright if the launcher dies: with the broker gone a graceful stop could only hang.
                watchdog.watch(service.pid(), "KILL");
                instances.add(service);
            }
        }
        awaitReady(readyTimeout);

        if (options.demoRate() > 0 && services.containsKey("ingest-service")) {
            simulator = TrafficSimulator.start(service("ingest-service").baseUrl(), apiKey, options.demoRate(), 42L);
        }
    }

    /** Everything a service needs comes from here; the same keys work as environment variables. */
    private Map<String, String> configFor(String name, int instance, int port, StackOptions options) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        if (STREAMS_SERVICES.contains(name)) {
            // Same application id (so one group), own state and own address: where the other instances
            // forward the queries for the keys this one owns.
            config.put("kafka-streams.state.dir",
                    options.home().resolve("streams-state").resolve(instanceName(name, instance)).toString());
            config.put("quarkus.kafka-streams.application-server", "localhost:" + port);
            // One broker: Streams' changelog and repartition topics cannot have the production 3 replicas.
            config.put("kafka-streams.replication.factor", "1");
            config.put("kafka-streams.topic.min.insync.replicas", "1");
        }
        if (DATABASE_SERVICES.contains(name)) {
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
            // Alerts carry the customer's journey and scores, fetched from the two query services: from
            // their first instances, which forward what another instance owns.
            config.put("omnipulse.alerting.context.profile-url",
                    "http://localhost:" + portOf("profile-service", 1, options));
            config.put("omnipulse.alerting.context.scoring-url",
                    "http://localhost:" + portOf("scoring-service", 1, options));
        }
        // Sources' keys at ingest, alerting's service key at profile and scoring, operators' everywhere.
        config.put("omnipulse.security.api-keys.file", options.home().resolve(DevApiKey.KEY_FILE).toString());
        if (name.equals("alerting-service")) {
            config.put("omnipulse.alerting.context.api-key", DevApiKey.serviceKey(options.home()));
        }
        if (name.equals("console-service")) {
            // The console calls the three query services with the signed-in person's token; locally that
            // person is the stack's admin, so that the console opens without a login.
            for (String queried : List.of("profile-service", "scoring-service", "alerting-service")) {
                config.put("quarkus.rest-client." + queried.replace("-service", "") + ".url",
                        "http://localhost:" + portOf(queried, 1, options));
            }
            config.put("omnipulse.console.local-token", token(CONSOLE_SUBJECT, List.of("admin"), List.of()));
        }
        if (!name.equals("scoring-service") && !name.equals("console-service")) {
            // The published development key: the benches and tests compute the same customer ids with it.
            config.put("omnipulse.customer-ids.hmac-key", CustomerKeys.DEVELOPMENT_HMAC_KEY);
        }
        // People's bearer tokens are verified with the stack's own key (DevTokens), as with an IdP's.
        config.put("mp.jwt.verify.publickey.location",
                "file:" + options.home().resolve(DevTokens.PUBLIC_KEY_FILE).toAbsolutePath());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        config.putAll(extraConfig.getOrDefault(name, Map.of()));
        return config;
    }

    /** A bearer token of {@code subject} with {@code roles} for {@code teams}, valid 12 hours ({@link DevTokens}). */
    public String token(String subject, List<String> roles, List<String> teams) {
        return tokens.token(subject, roles, teams, Duration.ofHours(12));
    }

    /** The API key the stack's own tools post events with ({@link DevApiKey}). */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Where an instance listens: instance 1 of each service on the first service port plus its place
     * in {@link #SERVICES} (8081-8085 by default, whatever the number of instances); instance i of a
     * streams service after those, a pair of ports (profile, scoring) per instance from 2 on (8086-8087
     * for instance 2, 8088-8089 for 3).
     */
    public static int portOf(String service, int instance, StackOptions options) {
        if (!SERVICES.contains(service) || instance < 1 || instance > options.instances()
                || instance > 1 && !STREAMS_SERVICES.contains(service)) {
            throw new IllegalArgumentException("no instance " + instance + " of " + service);
        }
        if (instance == 1) {
            return options.firstServicePort() + SERVICES.indexOf(service);
        }
        return options.firstServicePort() + SERVICES.size() + (instance - 2) * STREAMS_SERVICES.size()
                + STREAMS_SERVICES.indexOf(service);
    }

    /** How many consecutive ports from the first service port a stack of {@code instances} takes. */
    public static int servicePorts(int instances) {
        return SERVICES.size() + (instances - 1) * STREAMS_SERVICES.size();
    }

    /** The name of an instance's process and log: the service's for instance 1, {@code profile-service-2} for 2. */
    static String instanceName(String service, int instance) {
        return instance == 1 ? service : service + "-" + instance;
    }

    private List<ServiceProcess> allInstances() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(allInstances());
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

    /** The service's first instance: the one on its documented port, which the other services call. */
    public ServiceProcess service(String name) {
        return service(name, 1);
    }

    /** Instance {@code instance} (from 1) of a service. */
    public ServiceProcess service(String name, int instance) {
        List<ServiceProcess> all = instances(name);
        if (instance < 1 || instance > all.size()) {
            throw new IllegalArgumentException(name + " has no instance " + instance + "; it has " + all.size());
        }
        return all.get(instance - 1);
    }

    /** Every instance of a service, instance 1 first: one unless it is a streams service of a stack with several. */
    public List<ServiceProcess> instances(String name) {
        List<ServiceProcess> all = services.get(name);
        if (all == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return List.copyOf(all);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The partitions of each topic of this stack: {@link StackOptions#partitions()}, unless its topics
     * were kept from an earlier run.
     */
    public int partitions() {
        return partitions;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** A printable summary of where everything listens. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("  %-18s %s%n", "kafka", bootstrapServers));
        sb.append(String.format("  %-18s %s%n", "postgresql", postgres.jdbcUrl(DATABASE)));
        allInstances().forEach(s -> sb.append(String.format("  %-18s %s   (health %s/q/health, metrics %s/q/metrics,"
                + " openapi %s/q/openapi)%n", s.name(), s.baseUrl(), s.baseUrl(), s.baseUrl(), s.baseUrl())));
        if (services.containsKey("console-service")) {
            sb.append(String.format("  %-18s %s/   (support leads' console; opens as %s, no login)%n", "dashboard",
                    service("console-service").baseUrl(), CONSOLE_SUBJECT));
        }
        return sb.toString();
    }

    /** The broker's own process, when the stack runs it as one (to kill and restart it in fault tests). */
    public Optional<BrokerProcess> brokerProcess() {
        return Optional.ofNullable(brokerProcess);
    }

    /** SIGKILL to every instance of a service at once, as a crash; {@link #restartService} brings them back. */
    public synchronized void killService(String name) {
        instances(name).forEach(ServiceProcess::kill);
    }

    /** SIGKILL to one instance of a service; the others take over its partitions once the group drops it. */
    public synchronized void killService(String name, int instance) {
        service(name, instance).kill();
    }

    /** {@link #restartService(String, int)} of every instance of a service that has exited. */
    public synchronized List<ServiceProcess> restartService(String name) {
        List<ServiceProcess> restarted = new ArrayList<>();
        for (int instance = 1; instance <= instances(name).size(); instance++) {
            if (!service(name, instance).isAlive()) {
                restarted.add(restartService(name, instance));
            }
        }
        return restarted;
    }

    /**
     * Starts an instance that has exited (killed, crashed) again with the same port, configuration and
     * state directory, its output appended to the same log. Does not wait for readiness.
     */
    public synchronized ServiceProcess restartService(String name, int instance) {
        ServiceProcess old = service(name, instance);
        ServiceProcess restarted = old.restart();
        forget(old.pid());
        watchdog.watch(restarted.pid(), "KILL");
        services.get(name).set(instance - 1, restarted);
        return restarted;
    }

    /** SIGKILL to the broker process, as a crash ({@link StackOptions#brokerProcess()} only). */
    public synchronized void killBroker() {
        BrokerProcess b = brokerProcess().orElseThrow(() -> new IllegalStateException("the broker runs in this JVM"));
        long pid = b.pid();
        b.kill();
        forget(pid);
    }

    /** SIGSTOP to the broker process: a hung broker, until {@link #resumeBroker()} ({@link StackOptions#brokerProcess()} only). */
    public synchronized void pauseBroker() {
        brokerProcess().orElseThrow(() -> new IllegalStateException("the broker runs in this JVM")).pause();
    }

    /** SIGCONT after {@link #pauseBroker()}. */
    public synchronized void resumeBroker() {
        brokerProcess().orElseThrow(() -> new IllegalStateException("the broker runs in this JVM")).resume();
    }

    /** Starts the killed broker again on the same log directory and ports; returns once it serves clients. */
    public synchronized void restartBroker() {
        BrokerProcess b = brokerProcess().orElseThrow(() -> new IllegalStateException("the broker runs in this JVM"));
        b.restart();
        watchdog.watch(b.pid(), "KILL");
    }

    /**
     * Stops PostgreSQL cleanly (the database's fast shutdown: sessions are ended), keeping its data
     * for {@link #startPostgres()}. Only for a stack started with {@link StackOptions#keepData()}: the
     * embedded server deletes a data directory it created clean when it stops.
     */
    public synchronized void stopPostgres() {
        if (!options.keepData()) {
            throw new IllegalStateException("PostgreSQL of a stack without keepData loses its data when it stops");
        }
        long pid = postgres.postmasterPid();
        postgres.close();
        forget(pid);
    }

    /** Starts PostgreSQL again on the same data directory and port after {@link #stopPostgres()}. */
    public synchronized void startPostgres() {
        postgres = PostgresServer.start(options.home().resolve("postgres"), postgres.port(), true, false);
        watchdog.watch(postgres.postmasterPid(), "QUIT");
    }

    /**
     * Stops the demo traffic, then the services from the last reader to the first writer (console,
     * alerting, scoring, profile, ingest), each given the stop timeout before SIGKILL (all instances of
     * one service at once), then the broker, then PostgreSQL, and lets the watchdog go. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
        List<List<ServiceProcess>> reverse = new ArrayList<>(services.values());
        Collections.reverse(reverse);
        for (List<ServiceProcess> instances : reverse) {
            long t0 = System.nanoTime();
            instances.forEach(ServiceProcess::signalStop);
            for (ServiceProcess s : instances) {
                // The timeout counts from the SIGTERM, which all instances got together.
                boolean clean = s.stop(Duration.ofNanos(Math.max(0, t0 + stopTimeout.toNanos() - System.nanoTime())));
                forget(s.pid());
                progress.printf(clean ? "  stopped %s (%.1f s)%n" : "  killed %s: not stopped after %.0f s%n",
                        s.name(), clean ? (System.nanoTime() - t0) / 1e9 : stopTimeout.toSeconds() * 1.0);
            }
        }
        services.clear();
        stopping(broker, () -> {
            broker.close();
            brokerProcess().ifPresent(b -> forget(b.pid()));
        });
        broker = null;
        stopping(postgres, () -> {
            long pid = postgres.postmasterPid();
            try {
                postgres.close();
            } finally {
                forget(pid);
            }
        });
        postgres = null;
        if (watchdog != null) {
            watchdog.close();
            watchdog = null;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void stopping(Object what, Step step) {
        if (what == null) {
            return;
        }
        try {
            step.run();
            progress.println("  stopped " + what);
        } catch (Exception e) {
            progress.println("  while stopping " + what + ": " + e);
        }
    }

    private void forget(long pid) {
        if (watchdog != null) {
            watchdog.forget(pid);
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

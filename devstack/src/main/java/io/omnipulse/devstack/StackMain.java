package io.omnipulse.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code ./omnipulse}: starts the whole pipeline, prints where it listens, stops it on Ctrl-C or SIGTERM. */
public final class StackMain {

    /** Strong references: JUL forgets the level of a logger nobody holds. */
    private static final Logger[] QUIET = {Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("state.change.logger"), Logger.getLogger("io.zonky")};

    private StackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(StackOptions.usage());
            return;
        }
        StackOptions options;
        try {
            options = StackOptions.parse(Path.of("").toAbsolutePath(), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        String instances = options.instances() == 1 ? ""
                : " (" + String.join(" and ", Stack.STREAMS_SERVICES) + " in " + options.instances() + " instances each)";
        System.out.println("Starting OmniPulse: Kafka, PostgreSQL and " + String.join(", ", options.services())
                + instances + ", " + options.partitions() + " partitions per topic (logs in "
                + options.home().resolve("logs") + ") ...");
        Stack stack;
        // A SIGTERM before the hook below exists ends the JVM at once; the watchdog then kills what
        // had started, so start-up needs no hook of its own.
        try {
            stack = Stack.start(options, Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            System.err.println("OmniPulse did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping OmniPulse ...");
            stack.close();
            stopped.countDown();
        }, "omnipulse-stop"));

        System.out.printf("OmniPulse is up in %.1f s:%n%s", (System.nanoTime() - t0) / 1e9, stack.describe());
        Path root = options.repoRoot().toAbsolutePath();
        Path home = options.home().toAbsolutePath();
        Path shownHome = home.startsWith(root) ? root.relativize(home) : home;
        Path credentials = shownHome.resolve(DevCredentials.FILE);
        String tokenHome = shownHome.equals(Path.of(".omnipulse")) ? "" : " --home " + shownHome;
        System.out.println("""
                Every API needs a credential. %s holds this stack's for 12 hours: the ingest API key
                of its tools and a bearer token per role (agent and lead of team billing, admin, analyst, ops):
                  KEY=$(jq -r .ingestApiKey %s) TOKEN=$(jq -r .tokens.admin %s)
                  curl -s -H "X-API-Key: $KEY" -H 'Content-Type: application/json' localhost:8081/v1/events -d @event.json
                  curl -s -H "Authorization: Bearer $TOKEN" localhost:8084/v1/alerts
                  curl -s -H "Authorization: Bearer $TOKEN" 'localhost:8083/v1/scores?scope=global'
                  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' localhost:8082/v1/customers/lookup -d '{"email":"ann@example.com"}'
                Others: ./omnipulse token --role lead --team technical%s
                Press Ctrl-C to stop everything.""".formatted(credentials, credentials, credentials, tokenHome));
        if (options.demoRate() > 0) {
            System.out.printf("Demo traffic: %.1f events/s into ingest-service.%n", options.demoRate());
        }
        stopped.await();
    }
}

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
        System.out.println("Starting OmniPulse: Kafka, PostgreSQL and " + String.join(", ", options.services())
                + " (logs in " + options.home().resolve("logs") + ") ...");
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
        Path keyFile = shownHome.resolve(DevApiKey.SECRET_FILE);
        String tokenHome = shownHome.equals(Path.of(".omnipulse")) ? "" : " --home " + shownHome;
        System.out.println("""
                Ingest needs a source's API key; this stack's tools post with the one in %s:
                  curl -s -H "X-API-Key: $(cat %s)" -H 'Content-Type: application/json' localhost:8081/v1/events -d @event.json
                People read with a bearer token; ./omnipulse token makes one for this stack:
                  TOKEN=$(./omnipulse token --role admin%s)
                  curl -s -H "Authorization: Bearer $TOKEN" localhost:8084/v1/alerts
                  curl -s -H "Authorization: Bearer $TOKEN" 'localhost:8083/v1/scores?scope=global'
                  curl -s -H "Authorization: Bearer $TOKEN" 'localhost:8082/v1/customers?email=ann@example.com'
                Press Ctrl-C to stop everything.""".formatted(keyFile, keyFile, tokenHome));
        if (options.demoRate() > 0) {
            System.out.printf("Demo traffic: %.1f events/s into ingest-service.%n", options.demoRate());
        }
        stopped.await();
    }
}

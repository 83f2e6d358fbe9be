package io.omnipulse.devstack.bench;

import io.omnipulse.devstack.QuietKafkaLogs;
import io.omnipulse.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * How long the streams services take to rebuild their state from the retained input, as after a
 * change of application id: the input log is filled first with no streams service running, then the
 * whole stack starts with empty state and is timed until every group has caught up.
 * <pre>
 * ./omnipulse --services ingest-service                 # broker and database only (plus ingest)
 * java -cp ... RebuildFromLog write 1000000             # the backlog, onto cx.contact-events.v1; then Ctrl-C
 * ./omnipulse --keep-data &amp; java -cp ... RebuildFromLog time
 * </pre>
 * The time counts from when profile-service's group appears (its JVM and Kafka Streams have started)
 * until that group, then every group, has caught up; the stack's memory is sampled meanwhile and its
 * peak printed ({@link ProcessMemory}).
 */
public final class RebuildFromLog {

    private static final int CHUNK = 50_000;
    private static final Duration REBUILD = Duration.ofHours(2);
    private static final Duration START = Duration.ofMinutes(5);
    /** How often the stack's memory is sampled for its peak during the rebuild. */
    private static final Duration MEMORY_SAMPLES = Duration.ofSeconds(10);

    private RebuildFromLog() {
    }

    public static void main(String[] args) throws Exception {
        QuietKafkaLogs.apply();
        if (args.length < 1 || !Set.of("write", "time").contains(args[0]) || args[0].equals("write") && args.length < 2) {
            System.err.println("usage: RebuildFromLog write EVENTS [BOOTSTRAP] | time [BOOTSTRAP]");
            System.exit(2);
        }
        String bootstrap = args.length > (args[0].equals("write") ? 2 : 1) ? args[args.length - 1] : "localhost:9092";
        if (args[0].equals("write")) {
            write(Integer.parseInt(args[1]), bootstrap);
        } else {
            time(bootstrap);
        }
    }

    /** Writes simulated journeys in chunks, so that a million events never sit in memory at once. */
    private static void write(int events, String bootstrap) {
        long start = System.nanoTime();
        for (int written = 0, chunk = 0; written < events; chunk++) {
            // a seed of its own per chunk and run: a repeated seed repeats event ids, which the services drop as replays
            var batch = SimulatedEvents.generate(Math.min(CHUNK, events - written), start + chunk);
            SimulatedEvents.write(bootstrap, Topics.CONTACT_EVENTS, batch);
            written += batch.size();
            System.out.printf("%,d events written%n", written);
        }
        System.out.printf("written in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void time(String bootstrap) throws Exception {
        ProcessMemory.Peak memory = new ProcessMemory.Peak(MEMORY_SAMPLES);
        try (memory; Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                ConsumerGroups groups = new ConsumerGroups(admin, bootstrap)) {
            String profile = await(groups, "omnipulse-profile");
            long start = System.nanoTime();
            System.out.printf("%s appeared at %s%n", profile, Instant.now());
            String scoring = await(groups, "omnipulse-scoring");
            String alerting = await(groups, "omnipulse-alerting");
            groups.awaitCaughtUp(Map.of(profile, Set.of(Topics.CONTACT_EVENTS.name())), REBUILD);
            double profileSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s caught up %.0f s after its group appeared%n", profile, profileSeconds);
            groups.awaitCaughtUp(Map.of(profile, Set.of(Topics.CONTACT_EVENTS.name()),
                    scoring, Set.of(Topics.RESOLVED_EVENTS.name()), alerting, Set.of(Topics.RESOLVED_EVENTS.name())), REBUILD);
            System.out.printf("every group (%s, %s) caught up %.0f s after it%n", scoring, alerting,
                    (System.nanoTime() - start) / 1e9);
        }
        memory.print("during the rebuild");
    }

    private static String await(ConsumerGroups groups, String prefix) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            try {
                return groups.find(prefix);
            } catch (IllegalStateException | ExecutionException | TimeoutException notYet) {
                // no such group yet, or no broker yet: the stack may still be starting
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }
}

package io.omnipulse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.devstack.Ports;
import io.omnipulse.devstack.ServiceProcess;
import io.omnipulse.devstack.Stack;
import io.omnipulse.devstack.StackOptions;
import io.omnipulse.devstack.testkit.TestInfrastructure;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Topics;
import io.omnipulse.security.Roles;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline under a steady load with duplicates and out-of-order events, through crashes and
 * outages: the broker in its own process, embedded PostgreSQL, the four pipeline services (not the console, which is off the data path) as
 * processes on random ports, profile- and scoring-service in two instances each. Each fault is followed by a wait for recovery (every service ready,
 * every consumer group caught up on what was written until then), timed. After all of them every
 * event answered 202 must be counted exactly once, in profiles and scores, every detractor customer
 * must have exactly one open detractor alert, and no dead letter may exist.
 *
 * <p>Scale-out: while events flow, every query answers the same on either instance; the second
 * instance of each streams service is killed mid-stream, and the first takes over its partitions
 * and answers for its customers from its own stores; the second rejoins when the services restart
 * after the next crash. What was counted meanwhile is in the final exact counts, read on both.
 *
 * <p>{@code -Dfaults=ci} (the default, part of {@code ./mvnw verify}) runs each kind of fault once;
 * {@code -Dfaults=full} kills each of profile-, scoring- and alerting-service three times.
 */
class FaultSuiteIT {

    private static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final int CUSTOMERS = 300;
    /** Instances of profile- and of scoring-service. */
    private static final int INSTANCES = 2;
    private static final double EVENTS_PER_SECOND = 30;
    /** About ten seconds of load: how much arrives while PostgreSQL is down. */
    private static final int OUTAGE_EVENTS = (int) (EVENTS_PER_SECOND * 10);
    /** Consumer and Streams session timeout in the suite: a stopped member leaves the group after this. */
    private static final int SESSION_TIMEOUT_MS = 10_000;
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);
    /** The streams services' whole-shutdown bound here (omnipulse.streams.stop-timeout; 25 s by default). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Every channel of alerting's consumer group, each a member of it: one left at the default session
     * timeout (45 s) holds the group's rebalance after a kill -9 that long.
     */
    private static final List<String> ALERTING_CHANNELS = ServiceSettings.of("alerting-service")
            .channelsOfGroup("omnipulse-alerting");

    private final boolean full = "full".equals(System.getProperty("faults", "ci"));
    private final Map<String, Double> recoverySeconds = new LinkedHashMap<>();
    private Stack stack;
    private SteadyEventLoad load;
    private ConsumerCatchUp catchUp;
    private StreamsInstances instances;
    /** Instances killed on purpose and not restarted yet (by process name): recovery does without them. */
    private final Set<String> down = new HashSet<>();
    /** What had been accepted when the last recovery began, and so was processed once it ended. */
    private Oracle processed;
    private int kills;

    @AfterEach
    void stop() {
        if (load != null) {
            load.close();
        }
        if (catchUp != null) {
            catchUp.close();
        }
        if (instances != null) {
            instances.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyAcceptedEventIsCountedOnceAndEveryDetractorAlertedOnceThroughCrashesAndOutages() throws Exception {
        startStack();
        load = new SteadyEventLoad(stack.service("ingest-service").baseUrl(), stack.apiKey(), CUSTOMERS, 20261129L);
        catchUp = new ConsumerCatchUp(stack.bootstrapServers());
        instances = new StreamsInstances(stack, adminToken());
        load.start(EVENTS_PER_SECOND);
        // Two customers of each partition, processed by the end of the warm-up: each instance owns some,
        // whichever partitions it is given.
        List<Integer> sample = await("customers with an interaction on every partition").atMost(RECOVERY_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> StreamsInstances.spreadOverPartitions(new Oracle(load.accepted().values()), 2,
                        stack.partitions()), chosen -> chosen.size() == 2 * stack.partitions());
        recover("warm-up");

        answerAlike(sample, allInstances(), "after the warm-up");
        handOver(sample);

        List<String> crashing = List.of("profile-service", "scoring-service", "alerting-service");
        if (full) {
            for (int round = 1; round <= 3; round++) {
                for (String service : crashing) {
                    crash(List.of(service), "kill -9 " + service + " #" + round);
                }
            }
        } else {
            // The CI budget has room for one recovery, not three: the three crash at the same moment.
            crash(crashing, "kill -9 profile+scoring+alerting");
        }
        rejoined(sample);

        stack.stopPostgres();
        long stopped = System.nanoTime();
        int acceptedBefore = load.accepted().size();
        // The outage lasts until alerting has noticed it (not ready) and about ten seconds of load
        // (OUTAGE_EVENTS accepted by ingest) has arrived meanwhile, so records wait on the database.
        await("PostgreSQL outage seen by alerting, with load behind it").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250)).until(() -> !stack.service("alerting-service").isReady()
                        && load.accepted().size() >= acceptedBefore + OUTAGE_EVENTS);
        System.out.printf("faults: PostgreSQL stopped %.1f s%n", (System.nanoTime() - stopped) / 1e9);
        stack.startPostgres();
        recover("PostgreSQL stopped");
        load.resendAccepted(10);

        stack.killBroker();
        kills++;
        stack.restartBroker();
        recover("kill -9 broker");
        load.resendAccepted(10);

        stopWhileTheBrokerHangs();

        List<ServiceProcess> scoring = stack.instances("scoring-service");
        scoring.forEach(ServiceProcess::pause);
        long paused = System.nanoTime();
        // Held until the broker has dropped it from its group: longer than the session timeout, by proof.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> instances.members("scoring-service") == 0);
        System.out.printf("faults: scoring-service SIGSTOPped %.1f s, until its group had no member%n",
                (System.nanoTime() - paused) / 1e9);
        scoring.forEach(ServiceProcess::resume);
        recover("SIGSTOP scoring-service");

        load.stopNewEvents();
        await("retries of the last requests").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> load.inFlight() == 0);
        recover("load stopped");

        assertThat(load.refused()).as("requests refused (the load sends only valid events)").isEmpty();
        Oracle oracle = new Oracle(load.accepted().values());
        long checking = System.nanoTime();
        await("scores, profiles and alerts agree with the oracle, on every instance").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    for (int instance = 1; instance <= INSTANCES; instance++) {
                        assertGlobalAndChannelScores(oracle, instance);
                        assertCustomers(oracle, instance);
                    }
                    assertAlerts(oracle);
                });
        System.out.printf("faults: final counts read on %d instances, in %.1f s%n", INSTANCES,
                (System.nanoTime() - checking) / 1e9);
        List<String> deadLetters = DeadLetterReader.describeAll(stack.bootstrapServers());
        printSummary(oracle, deadLetters.size());
        assertThat(deadLetters).as("dead letters from good input").isEmpty();
        runningInstances().forEach(s -> assertThat(s.isAlive()).as(s.name() + " alive").isTrue());
    }

    /**
     * SIGKILL to every instance of each service, then each started again as a supervisor would, with
     * its state dir; instances killed before (on purpose) are started again with them.
     */
    private void crash(List<String> services, String fault) throws Exception {
        for (String service : services) {
            kills += (int) stack.instances(service).stream().filter(ServiceProcess::isAlive).count();
            stack.killService(service);
        }
        for (String service : services) {
            stack.restartService(service);
            down.removeIf(name -> name.startsWith(service));
        }
        recover(fault);
        load.resendAccepted(10);
    }

    /**
     * Scale-out, mid-stream: SIGKILL to the second instance of profile- and of scoring-service, each of
     * which owned some of the sample's customers. Once the broker has dropped it (session timeout),
     * the first instance holds every input partition of the group and answers for every customer from
     * its own stores; no event may be lost or counted twice (the final counts).
     */
    private void handOver(List<Integer> sample) throws Exception {
        for (String service : Stack.STREAMS_SERVICES) {
            Map<Integer, Set<Integer>> owners = instances.owners(service, sample, allInstances());
            System.out.printf("faults: %s owners of the sample's customers: %s%n", service, owners);
            assertThat(owners).as(service + ": instances owning some of the sample").containsOnlyKeys(allInstances());
        }
        for (String service : Stack.STREAMS_SERVICES) {
            stack.killService(service, 2);
            down.add(stack.service(service, 2).name());
            kills++;
        }
        long killed = System.nanoTime();
        for (String service : Stack.STREAMS_SERVICES) {
            instances.awaitGroup(service, 1, RECOVERY_TIMEOUT);
            assertThat(instances.owners(service, sample, List.of(1)).get(1)).as(service + "-1 owns every customer")
                    .containsExactlyInAnyOrderElementsOf(sample);
        }
        System.out.printf("faults: partitions of the killed instances taken over in %.1f s%n",
                (System.nanoTime() - killed) / 1e9);
        recover("kill -9 profile-2+scoring-2");
        answerAlike(sample, List.of(1), "after the hand-over");
        load.resendAccepted(10);
    }

    /**
     * SIGTERM to the second instance of profile- and of scoring-service while the broker is frozen
     * (SIGSTOP: connections open, no answer), as a rolling restart during a broker hang would. Each
     * must end by itself within {@link #STOP_TIMEOUT} (their shutdown bound, set lower here) and a few
     * seconds: without that bound the Kafka clients' own closes keep them waiting about a minute.
     * Restarted once the broker is back; nothing may be lost or counted twice (the final counts).
     */
    private void stopWhileTheBrokerHangs() throws Exception {
        List<ServiceProcess> stopping = Stack.STREAMS_SERVICES.stream().map(service -> stack.service(service, 2)).toList();
        stack.pauseBroker();
        long frozen = System.nanoTime();
        try {
            stopping.forEach(ServiceProcess::signalStop);
            for (ServiceProcess instance : stopping) {
                assertThat(instance.stop(STOP_TIMEOUT.plusSeconds(15)))
                        .as(instance.name() + " ended by itself after SIGTERM, with the broker frozen").isTrue();
            }
            System.out.printf("faults: profile-2 and scoring-2 stopped in %.1f s with the broker frozen%n",
                    (System.nanoTime() - frozen) / 1e9);
        } finally {
            stack.resumeBroker();
        }
        for (String service : Stack.STREAMS_SERVICES) {
            stack.restartService(service, 2);
        }
        recover("SIGTERM profile-2+scoring-2, broker frozen");
        load.resendAccepted(10);
    }

    /** After the restart, the second instances are back in their groups, and every query answers alike on both. */
    private void rejoined(List<Integer> sample) {
        assertThat(down).as("instances still down").isEmpty();
        for (String service : Stack.STREAMS_SERVICES) {
            instances.awaitGroup(service, INSTANCES, RECOVERY_TIMEOUT);
        }
        answerAlike(sample, allInstances(), "after the rejoin");
    }

    /** Every query about the sample answers alike on {@code on}, while events flow; timed. */
    private void answerAlike(List<Integer> sample, List<Integer> on, String when) {
        long start = System.nanoTime();
        List<StreamsInstances.Query> queries = StreamsInstances.queries(sample, processed, Instant.now());
        List<String> slowest = instances.assertAnswerAlike(queries, on);
        System.out.printf("faults: %d queries answered alike on instances %s %s, in %.1f s%s%n", queries.size(), on, when,
                (System.nanoTime() - start) / 1e9, slowest.isEmpty() ? "" : "; the last to agree: " + slowest);
    }

    private static List<Integer> allInstances() {
        return IntStream.rangeClosed(1, INSTANCES).boxed().toList();
    }

    /** Every instance of the pipeline's services but those killed on purpose and not restarted yet. */
    private List<ServiceProcess> runningInstances() {
        return Stack.PIPELINE.stream().flatMap(name -> stack.instances(name).stream())
                .filter(s -> !down.contains(s.name())).toList();
    }

    private void startStack() {
        StackOptions options = new StackOptions(REPO_ROOT, TestInfrastructure.tempDir("omnipulse-faults"), Ports.free(),
                Ports.free(), Ports.freeBlock(Stack.servicePorts(INSTANCES)), true, 0)
                .withServices(Stack.PIPELINE).withBrokerProcess().withStopTimeout(Duration.ofSeconds(20))
                .withInstances(INSTANCES).withPartitions(Topics.DEFAULT_PARTITIONS);
        String session = Integer.toString(SESSION_TIMEOUT_MS);
        // The final check reads every customer's profile and scores one after the other with one token, as
        // a bulk export would: far past a person's rate limit, which is not what this suite is about.
        Map<String, String> streams = Map.of("kafka-streams.consumer.session.timeout.ms", session,
                "kafka-streams.consumer.heartbeat.interval.ms", "2000",
                "omnipulse.streams.close-timeout", "5s",
                "omnipulse.streams.stop-timeout", STOP_TIMEOUT.toSeconds() + "s",
                "omnipulse.security.people-rate-limit.requests-per-second", "100000",
                "omnipulse.security.people-rate-limit.burst", "100000");
        assertThat(ALERTING_CHANNELS).as("alerting's channels in its group").contains("resolved-events", "erasures");
        Map<String, String> alerting = new LinkedHashMap<>();
        ALERTING_CHANNELS.forEach(channel -> {
            alerting.put("mp.messaging.incoming." + channel + ".session.timeout.ms", session);
            alerting.put("mp.messaging.incoming." + channel + ".heartbeat.interval.ms", "2000");
        });
        stack = Stack.start(options, Duration.ofMinutes(4), System.out,
                Map.of("profile-service", streams, "scoring-service", streams, "alerting-service", alerting));
        System.out.println("faults: stack up, logs in " + stack.service("ingest-service").logFile().getParent());
    }

    /**
     * Waits until every service answers ready and every group has caught up, three times over (the
     * pipeline has three stages: what profile caught up on, scoring then reads). Times it.
     */
    private void recover(String fault) throws Exception {
        processed = new Oracle(load.accepted().values());
        long start = System.nanoTime();
        try {
            await().atMost(RECOVERY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .failFast(fault + ": a service exited", this::anyServiceExited)
                    .until(() -> notReady().isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(fault + ": not ready after " + RECOVERY_TIMEOUT + ": " + notReady() + "; logs in "
                    + stack.service("ingest-service").logFile().getParent(), e);
        }
        double ready = (System.nanoTime() - start) / 1e9;
        List<String> stages = new ArrayList<>();
        for (int stage = 0; stage < 3; stage++) {
            long stageStart = System.nanoTime();
            var targets = await(fault + ": end offsets").atMost(RECOVERY_TIMEOUT).ignoreExceptions()
                    .until(() -> catchUp.endOffsets(), t -> true);
            List<String> behind = new ArrayList<>(List.of("not read yet"));
            try {
                await().atMost(RECOVERY_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .failFast(fault + ": a service exited", this::anyServiceExited)
                        .until(() -> {
                            List<String> now = catchUp.behind(targets);
                            behind.clear();
                            behind.addAll(now);
                            return now.isEmpty();
                        });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(fault + ": consumer groups not caught up after " + RECOVERY_TIMEOUT
                        + "; behind: " + behind, e);
            }
            stages.add(String.format("%.1f", (System.nanoTime() - stageStart) / 1e9));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        recoverySeconds.put(fault, seconds);
        System.out.printf("faults: %-34s recovered in %6.1f s (ready after %.1f s, then caught up in %s s;"
                + " accepted so far %d)%n", fault, seconds, ready, String.join(" + ", stages), load.accepted().size());
    }

    private List<String> notReady() {
        return runningInstances().stream().filter(s -> !s.isReady()).map(ServiceProcess::name).toList();
    }

    private boolean anyServiceExited() {
        return runningInstances().stream().anyMatch(s -> !s.isAlive());
    }

    private void assertGlobalAndChannelScores(Oracle oracle, int instance) {
        String scores = stack.service("scoring-service", instance).baseUrl();
        JsonPath global = asAdmin().get(scores + "/v1/scores?scope=global&window=all").then().statusCode(200)
                .extract().jsonPath();
        assertThat(Oracle.Nps.of(global)).as("global NPS, all time, on instance " + instance).isEqualTo(oracle.global());
        for (String channel : SteadyEventLoad.CHANNELS) {
            JsonPath c = asAdmin().get(scores + "/v1/scores?scope=channel&key=" + channel + "&window=all").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(Oracle.Nps.of(c)).as("NPS of channel " + channel + " on instance " + instance)
                    .isEqualTo(oracle.channel(channel));
        }
    }

    private void assertCustomers(Oracle oracle, int instance) {
        // Every customer's scores and profile, asked a few at a time: one after the other takes minutes.
        List<Integer> customers = List.copyOf(oracle.customers());
        List<StreamsInstances.Answer> scores = instances.getAll(stack.service("scoring-service", instance),
                customers.stream().map(c -> "/v1/customers/" + customerId(c) + "/scores").toList());
        List<StreamsInstances.Answer> profiles = instances.getAll(stack.service("profile-service", instance),
                customers.stream().map(c -> "/v1/customers/" + customerId(c)).toList());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            int customer = customers.get(i);
            Oracle.Nps expected = oracle.customer(customer);
            StreamsInstances.Answer s = scores.get(i);
            assertThat(s.status()).as("scores of customer " + customer + " on " + s.instance() + ": " + s.body())
                    .isIn(200, 404);
            Oracle.Nps actual = s.status() == 404 ? Oracle.Nps.NONE : Oracle.Nps.of(JsonPath.from(s.body()), "windows.all.nps");
            if (!actual.equals(expected)) {
                wrong.add("scores of customer " + customer + ": " + actual + " expected " + expected);
            }
            StreamsInstances.Answer profile = profiles.get(i);
            assertThat(profile.status()).as("profile of customer " + customer + " on " + profile.instance() + ": "
                    + profile.body()).isEqualTo(200);
            JsonPath p = JsonPath.from(profile.body());
            long interactions = p.getLong("interactionCount");
            long feedback = p.getLong("feedbackCount");
            if (interactions != oracle.interactions(customer) || feedback != expected.n()) {
                wrong.add("profile of customer " + customer + ": " + interactions + " interactions, " + feedback
                        + " answers; expected " + oracle.interactions(customer) + " and " + expected.n());
            }
        }
        assertThat(wrong).as("customers whose profile or scores differ from the oracle, on instance " + instance).isEmpty();
    }

    /** A request with an admin's bearer token of the stack (profiles, scores and alerts are read with one). */
    private RequestSpecification asAdmin() {
        return given().auth().oauth2(adminToken());
    }

    private String adminToken() {
        return stack.token("faults-admin@omnipulse.local", List.of(Roles.ADMIN), List.of());
    }

    private void assertAlerts(Oracle oracle) {
        String alerts = stack.service("alerting-service").baseUrl();
        Map<String, List<Map<String, Object>>> byCustomer = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonPath p = asAdmin().get(alerts + "/v1/alerts?cause=DETRACTOR&size=200&page=" + page).then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = p.getList("items");
            items.forEach(a -> byCustomer.computeIfAbsent((String) a.get("customerId"), k -> new ArrayList<>()).add(a));
            if (items.size() < 200) {
                break;
            }
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        oracle.customers().forEach(c -> {
            if (oracle.customer(c).detractors() > 0) {
                expected.put(customerId(c), (int) oracle.customer(c).detractors());
            }
        });
        List<String> wrong = new ArrayList<>();
        byCustomer.forEach((customer, list) -> {
            if (!expected.containsKey(customer)) {
                wrong.add(customer + ": " + list.size() + " detractor alerts, no detractor answer");
            }
        });
        expected.forEach((customer, detractorAnswers) -> {
            List<Map<String, Object>> list = byCustomer.getOrDefault(customer, List.of());
            if (list.size() != 1) {
                wrong.add(customer + ": " + list.size() + " detractor alerts");
            } else if (!List.of("OPEN", "ESCALATED").contains(list.get(0).get("status"))
                    || ((Number) list.get(0).get("triggerCount")).intValue() != detractorAnswers) {
                wrong.add(customer + ": alert " + list.get(0).get("status") + " with " + list.get(0).get("triggerCount")
                        + " triggers, expected open with " + detractorAnswers);
            }
        });
        assertThat(wrong).as("detractor alerts (one open alert per detractor customer, one trigger per answer)").isEmpty();
    }

    static String customerId(int customer) {
        return CustomerKeys.customerId(new CustomerIds(null, SteadyEventLoad.email(customer), null, null, null));
    }

    private void printSummary(Oracle oracle, int deadLetters) {
        long detractorCustomers = oracle.customers().stream().filter(c -> oracle.customer(c).detractors() > 0).count();
        StringBuilder out = new StringBuilder(String.format("%nfault suite (%s)%n", full ? "full" : "ci"));
        out.append(String.format("  %-40s %8d%n", "events sent (incl. re-sends)", load.sent()));
        out.append(String.format("  %-40s %8d%n", "duplicates sent", load.duplicatesSent()));
        out.append(String.format("  %-40s %8d%n", "retries after 503 / no answer", load.retries()));
        out.append(String.format("  %-40s %8d%n", "accepted (202, distinct events)", oracle.events()));
        out.append(String.format("  %-40s %8d%n", "NPS answers accepted = counted", oracle.global().n()));
        out.append(String.format("  %-40s %8d%n", "interactions accepted = in profiles", oracle.totalInteractions()));
        out.append(String.format("  %-40s %8d%n", "detractor alerts (one per customer)", detractorCustomers));
        out.append(String.format("  %-40s %8d%n", "instances of profile and of scoring", INSTANCES));
        out.append(String.format("  %-40s %8d%n", "kill -9 survived (instances and broker)", kills));
        out.append(String.format("  %-40s %8d%n", "dead letters", deadLetters));
        out.append("  seconds to recover (ready and caught up):\n");
        recoverySeconds.forEach((fault, s) -> out.append(String.format("    %-38s %8.1f%n", fault, s)));
        System.out.println(out);
    }
}

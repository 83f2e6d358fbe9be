package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.alerting.testing.NotificationReceiversResource;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.AlertRaised;
import io.omnipulse.events.Topics;
import io.omnipulse.security.Roles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live screens on GET /v1/alerts/stream: each sees the events of the alerts its caller may see
 * (as GET /v1/alerts), whichever instance sent them to cx.alert-events.v1, a subject holds a
 * bounded number of streams, and a stream ends with its token.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(value = NotificationReceiversResource.class, scope = TestResourceScope.GLOBAL)
class AlertStreamTest {

    private static final Pattern OPEN_STREAMS =
            Pattern.compile("(?m)^omnipulse_alerting_streams_open(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern SKIPPED =
            Pattern.compile("(?m)^omnipulse_alerting_stream_skipped_total(?:\\{[^}]*})? (\\S+)$");

    @TestHTTPResource("/v1/alerts/stream")
    URI stream;

    /** HTTP/1.1: one connection per stream, closed when the test closes the stream. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Screen> opened = new CopyOnWriteArrayList<>();

    @Inject
    KafkaClientService kafka;

    /**
     * The feed reads from the latest offset, which the consumer looks up when it first fetches after
     * joining its group: asked for here, so that every event a test writes afterwards is read.
     */
    @BeforeEach
    void awaitLiveFeed() {
        var feed = kafka.<byte[], byte[]>getConsumer(LiveAlertFeed.CHANNEL);
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> feed.runOnPollingThread(consumer -> {
            List<TopicPartition> assigned = List.copyOf(consumer.assignment());
            assigned.forEach(consumer::position);
            return !assigned.isEmpty();
        }).await().atMost(DEADLINE));
    }

    @AfterEach
    void closeScreens() {
        opened.forEach(Screen::close);
    }

    @Test
    void aConnectedScreenReceivesTheRaisedAlertAsAServerSentEvent() throws Exception {
        // ResolvedEventProducer.nps answers name the team "billing".
        Screen screen = open(TestTokens.token("lead@example.com", List.of(Roles.LEAD), List.of("billing")));
        assertThat(screen.status()).isEqualTo(200);
        assertThat(screen.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));

        String email = uniqueEmail();
        try (ResolvedEventProducer producer = new ResolvedEventProducer()) {
            producer.send(ResolvedEventProducer.nps(uniqueId(), email, 1, "nobody called back", Instant.now()));
        }

        String key = customerId(email);
        await().atMost(DEADLINE).until(() -> screen.data().anyMatch(l -> l.contains(key)));
        String data = screen.data().filter(l -> l.contains(key)).findFirst().orElseThrow();
        assertThat(data).contains("\"type\":\"raised\"", "\"cause\":\"DETRACTOR\"", "\"severity\":\"CRITICAL\"");
    }

    @Test
    void aLeadsScreenCarriesTheEventsOfTheirTeamsAlertsAndOfAlertsOfNoTeamButNotOfAnotherTeams() throws Exception {
        String teamA = "team-a-" + uniqueId();
        String teamB = "team-b-" + uniqueId();
        Screen lead = open(TestTokens.token("lead-a@example.com", List.of(Roles.LEAD), List.of(teamA)));
        Screen admin = open(TestTokens.token(TestTokens.ADMIN_SUBJECT, List.of(Roles.ADMIN), List.of()));
        assertThat(lead.status()).isEqualTo(200);
        assertThat(admin.status()).isEqualTo(200);

        long ofA = raiseFor(teamA);
        long ofB = raiseFor(teamB);
        long ofNoTeam = raiseOfNoTeam();
        // Only "raised" names the team on the wire: an acknowledgement is routed by its alert's team.
        acknowledge(ofB);
        await().atMost(DEADLINE).until(() -> admin.received(ofB, "raised") && admin.received(ofB, "acknowledged"));
        acknowledge(ofA);

        // An alert's events keep their order (one key, one partition), different alerts' need not.
        // The feed hands over one poll after the other, and A's acknowledgement was written only
        // after B's reached a screen: once it is here, all of B's events have passed this screen too.
        await().atMost(DEADLINE).until(() -> lead.received(ofA, "acknowledged") && lead.received(ofNoTeam, "raised"));
        assertThat(lead.received(ofA, "raised")).isTrue();
        assertThat(lead.eventsOf(ofB)).as("team B's alert events on team A's screen").isEmpty();
        await().atMost(DEADLINE).until(() -> admin.received(ofA, "acknowledged"));
    }

    @Test
    void anAlertRaisedThatAnotherInstanceSentReachesTheScreensOfItsTeamButNotOfAnother() throws Exception {
        String team = "team-x-" + uniqueId();
        String otherTeam = "team-y-" + uniqueId();
        Screen ofTeam = open(TestTokens.token("lead-x@example.com", List.of(Roles.LEAD), List.of(team)));
        Screen ofOtherTeam = open(TestTokens.token("lead-y@example.com", List.of(Roles.LEAD), List.of(otherTeam)));
        long raised = anotherInstancesAlertId();
        long raisedForOther = anotherInstancesAlertId();

        // Written as another instance's outbox relay writes: keyed by alert id, with the catalog serde.
        try (TopicWriter<AlertEvent> anotherRelay = new TopicWriter<>(Topics.ALERT_EVENTS)) {
            anotherRelay.send(Long.toString(raised), raisedEvent(raised, team));
            await().atMost(DEADLINE).until(() -> ofTeam.received(raised, "raised"));
            // Written only after the first reached a screen: once it is on the other team's screen,
            // the first event has passed that screen too.
            anotherRelay.send(Long.toString(raisedForOther), raisedEvent(raisedForOther, otherTeam));
            await().atMost(DEADLINE).until(() -> ofOtherTeam.received(raisedForOther, "raised"));
        }

        assertThat(ofTeam.eventsOf(raised)).singleElement().satisfies(event -> {
            assertThat(event.getString("team")).isEqualTo(team);
            assertThat(event.getString("cause")).isEqualTo("DETRACTOR");
        });
        assertThat(ofOtherTeam.eventsOf(raised)).as("team X's alert on team Y's screen").isEmpty();
    }

    @Test
    void aRecordThatIsNoAlertEventIsLeftOffTheScreensAndCounted() throws Exception {
        Screen admin = open(TestTokens.token(TestTokens.ADMIN_SUBJECT, List.of(Roles.ADMIN), List.of()));
        double skippedBefore = skipped();
        long after = anotherInstancesAlertId();

        try (TopicWriter<AlertEvent> writer = new TopicWriter<>(Topics.ALERT_EVENTS)) {
            // One key, one partition: the event is read after the garbage.
            writer.sendGarbage(Long.toString(after), "{\"type\":\"exploded\",\"note\":\"not-for-screens\"}");
            writer.send(Long.toString(after), raisedEvent(after, null));
        }

        await().atMost(DEADLINE).until(() -> admin.received(after, "raised"));
        assertThat(skipped()).isGreaterThanOrEqualTo(skippedBefore + 1);
        assertThat(admin.body()).doesNotContain("not-for-screens");
    }

    @Test
    void aFourthStreamOfOneSubjectIsRefusedWith429UntilOneOfItsStreamsCloses() throws Exception {
        String subject = "agent-" + UUID.randomUUID() + "@example.com";
        String token = TestTokens.token(subject, List.of(Roles.AGENT), List.of("billing"));
        List<Screen> three = List.of(open(token), open(token), open(token));
        three.forEach(screen -> assertThat(screen.status()).isEqualTo(200));

        Screen fourth = open(token);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(fourth.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        await().atMost(DEADLINE).until(() -> fourth.ended);
        JsonPath problem = JsonPath.from(fourth.body());
        assertThat(problem.getString("type")).isEqualTo("https://omnipulse.io/problems/too-many-streams");
        assertThat(problem.getInt("status")).isEqualTo(429);
        assertThat(problem.getString("instance")).isEqualTo("/v1/alerts/stream");
        assertThat(fourth.body()).doesNotContain(subject);

        String otherSubject = "agent-" + UUID.randomUUID() + "@example.com";
        Screen another = open(TestTokens.token(otherSubject, List.of(Roles.AGENT), List.of("billing")));
        assertThat(another.status()).isEqualTo(200);

        String metrics = TestTokens.as("ops@example.com", List.of(Roles.OPS), List.of()).get("/q/metrics")
                .then().statusCode(200).extract().asString();
        Matcher gauge = OPEN_STREAMS.matcher(metrics);
        assertThat(gauge.find()).as("omnipulse_alerting_streams_open on /q/metrics").isTrue();
        assertThat(Double.parseDouble(gauge.group(1))).isGreaterThanOrEqualTo(4);
        assertThat(metrics).doesNotContain(subject).doesNotContain(otherSubject);

        three.get(0).close();
        Screen again = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> open(token), screen -> screen.status() == 200);
        assertThat(again.status()).isEqualTo(200);
    }

    @Test
    void aStreamEndsWhenItsBearerTokenExpires() throws Exception {
        String token = TestTokens.SIGNER.token("short-lived@example.com", List.of(Roles.LEAD), List.of(),
                Duration.ofSeconds(10));
        Screen screen = open(token);
        assertThat(screen.status()).isEqualTo(200);

        await().atMost(DEADLINE).until(() -> screen.ended);
        assertThat(screen.failure).as("the server ended the stream cleanly").isNull();
    }

    /**
     * An alert id far beyond this test database's: the alert of another instance, whose row this
     * database does not hold, so its team is the one its raised event names.
     */
    private static long anotherInstancesAlertId() {
        return 1_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
    }

    private static AlertRaised raisedEvent(long alertId, String team) {
        Instant at = Instant.now();
        return new AlertRaised(alertId, "customer", customerId(uniqueEmail()), "DETRACTOR", "HIGH", team,
                "NPS 4 (0-6)", "survey", uniqueId(), at, at);
    }

    private static double skipped() {
        String metrics = TestTokens.as("ops@example.com", List.of(Roles.OPS), List.of()).get("/q/metrics")
                .then().statusCode(200).extract().asString();
        Matcher counter = SKIPPED.matcher(metrics);
        assertThat(counter.find()).as("omnipulse_alerting_stream_skipped_total on /q/metrics").isTrue();
        return Double.parseDouble(counter.group(1));
    }

    private Screen open(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET().build();
        Screen screen = new Screen(http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        opened.add(screen);
        return screen;
    }

    /** An alert of {@code team}: the customer's latest contact was handled by it. */
    private static long raiseFor(String team) {
        String email = uniqueEmail();
        try (ResolvedEventProducer producer = new ResolvedEventProducer()) {
            Instant at = Instant.now();
            producer.send(ResolvedEventProducer.interaction(uniqueId(), email, "conv-" + team, team, 0, 30, at));
            producer.send(ResolvedEventProducer.npsRating(uniqueId(), email, 2, "no answer", "conv-" + team,
                    at.plusSeconds(60)));
        }
        return awaitAlertWithTriggers(customerId(email), 1).getLong("id");
    }

    private static long raiseOfNoTeam() {
        String email = uniqueEmail();
        try (ResolvedEventProducer producer = new ResolvedEventProducer()) {
            producer.send(ResolvedEventProducer.npsOfNoTeam(uniqueId(), email, 2, "no answer", Instant.now()));
        }
        JsonPath alert = awaitAlertWithTriggers(customerId(email), 1);
        assertThat(alert.getString("team")).isNull();
        return alert.getLong("id");
    }

    private static void acknowledge(long alertId) {
        TestTokens.given().contentType(ContentType.JSON).body("{}").post("/v1/alerts/{id}/acknowledge", alertId)
                .then().statusCode(200);
    }

    /** One connection to the stream: its answer, and the lines read from it so far. */
    private static final class Screen {

        final HttpResponse<Stream<String>> response;
        final Queue<String> lines = new ConcurrentLinkedQueue<>();
        volatile boolean ended;
        volatile Throwable failure;

        Screen(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    ended = true;
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        int status() {
            return response.statusCode();
        }

        Stream<String> data() {
            return lines.stream().filter(line -> line.startsWith("data:")).map(line -> line.substring(5));
        }

        List<JsonPath> eventsOf(long alertId) {
            return data().map(JsonPath::from).filter(event -> event.getLong("alertId") == alertId).toList();
        }

        boolean received(long alertId, String type) {
            return eventsOf(alertId).stream().anyMatch(event -> type.equals(event.getString("type")));
        }

        String body() {
            return String.join("\n", lines);
        }

        void close() {
            response.body().close();
        }
    }
}

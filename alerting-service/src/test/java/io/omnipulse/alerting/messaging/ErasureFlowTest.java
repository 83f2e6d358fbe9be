package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.alertsOf;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.detail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.omnipulse.alerting.testing.ContextServersResource;
import io.omnipulse.alerting.testing.NotificationReceiversResource;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.Topics;
import io.omnipulse.security.Roles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's erasure end to end on the real broker and database: a request on cx.erasures.v1
 * anonymises their alerts (kept, with their times, for the KPIs) and everything around them, deletes
 * their contacts and merge links, answers on cx.erasure-progress.v1, and keeps what arrives late
 * from bringing them back. Every table of the schema is searched, so a table added later is covered.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(value = NotificationReceiversResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ContextServersResource.class, scope = TestResourceScope.GLOBAL)
class ErasureFlowTest {

    private static final String STEP = "alerting-service";
    /** What the fake profile-service tells about each customer id: identifiers and the words of their answer. */
    private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();

    private record Person(String email, String phone, String words) {
    }

    private static ResolvedEventProducer events;
    private static CustomerMergeProducer merges;
    private static TopicWriter<EffortIndexUpdated> efforts;
    private static ErasureTopics erasures;
    private static HttpServer contextServices;

    @Inject
    DataSource db;

    @BeforeAll
    static void connect() throws IOException {
        events = new ResolvedEventProducer();
        merges = new CustomerMergeProducer();
        efforts = new TopicWriter<>(Topics.EFFORT_INDEX);
        erasures = new ErasureTopics();
        int port = URI.create(ConfigProvider.getConfig().getValue("omnipulse.alerting.context.profile-url", String.class))
                .getPort();
        contextServices = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        contextServices.createContext(ContextServersResource.PROFILE_PATH + "/v1/customers/", ErasureFlowTest::profile);
        contextServices.createContext(ContextServersResource.SCORING_PATH + "/v1/scores", ErasureFlowTest::scores);
        contextServices.start();
    }

    @AfterAll
    static void disconnect() {
        events.close();
        merges.close();
        efforts.close();
        erasures.close();
        contextServices.stop(0);
    }

    @Test
    void anErasedCustomerLeavesAnonymousAlertsWithTheirTimesAndNothingThatNamesThem() throws Exception {
        // The customer to erase: a call, a detractor answer rating it, an earlier id merged into them
        // (whose alert is folded into theirs), and a high behavioural effort index.
        String email = uniqueEmail();
        String customer = customerId(email);
        String comment = "refund never came " + UUID.randomUUID();
        String phone = uniquePhone();
        PEOPLE.put(customer, new Person(email, phone, comment));
        String call = "call-" + UUID.randomUUID();
        ContactEvent contact = ResolvedEventProducer.interaction(uniqueId(), email, call, "retention", 2, 300,
                Instant.now().minusSeconds(3600));
        ContactEvent answer = ResolvedEventProducer.npsRating(uniqueId(), email, 2, comment, call,
                Instant.now().minusSeconds(1800));
        events.send(contact);
        events.send(answer);
        long alertId = awaitAlertWithTriggers(customer, 1).getLong("id");

        String oldEmail = uniqueEmail();
        String oldId = customerId(oldEmail);
        String oldComment = "still waiting " + UUID.randomUUID();
        String oldPhone = uniquePhone();
        PEOPLE.put(oldId, new Person(oldEmail, oldPhone, oldComment));
        ContactEvent oldAnswer = ResolvedEventProducer.nps(uniqueId(), oldEmail, 3, oldComment,
                Instant.now().minusSeconds(900));
        events.send(oldAnswer);
        long foldedId = awaitAlertWithTriggers(oldId, 1).getLong("id");
        CustomersMerged merge = CustomerMergeProducer.merge(oldId, customer);
        merges.send(merge);
        await().atMost(DEADLINE).until(() -> detail(alertId).getList("triggers").size() == 2);

        efforts.send(customer, new EffortIndexUpdated(customer, 95, List.of("3 contacts in 48 h"),
                Instant.now().minusSeconds(600)));
        await().atMost(DEADLINE).until(() -> alertsOf(customer).size() == 2);
        long effortId = alertsOf(customer).stream().mapToLong(Integer::longValue).filter(id -> id != alertId)
                .findFirst().orElseThrow();

        // Another customer, who stays.
        String otherEmail = uniqueEmail();
        String other = customerId(otherEmail);
        String otherComment = "rude agent " + UUID.randomUUID();
        String otherPhone = uniquePhone();
        PEOPLE.put(other, new Person(otherEmail, otherPhone, otherComment));
        events.send(ResolvedEventProducer.nps(uniqueId(), otherEmail, 1, otherComment, Instant.now().minusSeconds(60)));
        long otherId = awaitAlertWithTriggers(other, 1).getLong("id");

        // People follow up; their notes quote the customers.
        String note = "customer says: " + comment;
        String resolution = "called " + email + ", refunded";
        String otherNote = "customer says: " + otherComment;
        act(alertId, "acknowledge", "{}");
        act(alertId, "notes", "{\"text\":\"" + note + "\"}");
        act(alertId, "resolve", "{\"outcome\":\"contacted\",\"note\":\"" + resolution + "\"}");
        act(otherId, "acknowledge", "{}");
        act(otherId, "notes", "{\"text\":\"" + otherNote + "\"}");
        for (long id : List.of(alertId, effortId, otherId)) {
            await().atMost(DEADLINE).until(() -> "FETCHED".equals(detail(id).getString("context.status")));
        }
        assertThat(detail(alertId).getString("journey")).contains(comment);
        // The answer's e-mail and the profile's phone: whom to call back, until the erasure.
        assertThat(detail(alertId).getString("contact.email")).isEqualTo(email);
        assertThat(detail(alertId).getString("contact.phone")).isEqualTo(phone);
        assertThat(detail(effortId).getString("contact.phone")).isEqualTo(phone);

        List<Long> erasedAlerts = List.of(alertId, foldedId, effortId);
        List<Map<String, Object>> kpisBefore = rows(KPI_COLUMNS, erasedAlerts);
        Map<String, Object> statsBefore = stats();

        ErasureRequested request = request(customer);
        erasures.request(request);
        ErasureProgress done = awaitProgress(request.erasureId(), 1).get(0);

        assertThat(done.customerId()).isEqualTo(customer);
        assertThat(done.requestedAt()).isEqualTo(request.requestedAt());
        assertThat(done.erased()).isPositive();
        Map<String, String> erased = new LinkedHashMap<>();
        erased.put("customer id", customer);
        erased.put("merged customer id", oldId);
        erased.put("e-mail", email);
        erased.put("merged e-mail", oldEmail);
        erased.put("phone", phone);
        erased.put("merged phone", oldPhone);
        erased.put("comment", comment);
        erased.put("merged customer's comment", oldComment);
        erased.put("note", note);
        erased.put("resolution note", resolution);
        erased.put("conversation", call);
        erased.put("contact event id", contact.eventId());
        erased.put("answer event id", answer.eventId());
        erased.put("merged customer's answer event id", oldAnswer.eventId());
        erased.put("merge's linking event id", merge.linkingEventId());
        assertThat(foundAnywhere(erased)).as("the erased customer's data, anywhere in the schema").isEmpty();
        assertThat(foundAnywhere(Map.of("other customer id", other, "other comment", otherComment,
                "other note", otherNote, "other e-mail", otherEmail, "other phone", otherPhone)))
                .as("the other customer's data stays")
                .containsOnlyKeys("other customer id", "other comment", "other note", "other e-mail", "other phone");

        // The alerts stay, with every time and outcome the KPIs use, under a marker that names no one.
        String marker = "erased:" + request.erasureId();
        assertThat(rows(KPI_COLUMNS, erasedAlerts)).isEqualTo(kpisBefore);
        assertThat(stats()).isEqualTo(statsBefore);
        JsonPath alert = detail(alertId);
        assertThat(alert.getString("customerId")).isEqualTo(marker);
        assertThat(alert.getString("status")).isEqualTo("RESOLVED");
        assertThat(alert.getString("outcome")).isEqualTo("CONTACTED");
        assertThat(alert.getString("comment")).isNull();
        assertThat(alert.getString("resolutionNote")).isEqualTo("[erased]");
        assertThat(alert.getString("context.status")).isEqualTo("ERASED");
        assertThat(alert.getString("journey")).isNull();
        assertThat(alert.getString("contact")).isNull();
        assertThat(alert.getList("triggers")).hasSize(2);
        assertThat(alert.getList("history.action")).containsExactly("OPENED", "MERGED", "ACKNOWLEDGED", "NOTE",
                "RESOLVED", "ERASED");
        assertThat(alert.getList("history.actor")).containsExactly("system", "system", TestTokens.ADMIN_SUBJECT,
                TestTokens.ADMIN_SUBJECT, TestTokens.ADMIN_SUBJECT, "system");
        assertThat(alertsOf(marker)).containsExactlyInAnyOrder((int) alertId, (int) foldedId, (int) effortId);
        assertThat(alertsOf(customer)).isEmpty();
        assertThat(detail(otherId).getString("comment")).isEqualTo(otherComment);

        // Redelivered: nothing changes, and the progress is told again.
        Map<String, List<String>> snapshot = snapshot(erasedAlerts);
        double repeated = metric("omnipulse_alerting_erasures_total", "outcome=\"repeated\"");
        erasures.request(request);
        List<ErasureProgress> twice = awaitProgress(request.erasureId(), 2);
        assertThat(twice.get(1)).isEqualTo(twice.get(0));
        assertThat(snapshot(erasedAlerts)).isEqualTo(snapshot);
        await().atMost(DEADLINE).until(() -> metric("omnipulse_alerting_erasures_total", "outcome=\"repeated\"")
                == repeated + 1);
        assertThat(metric("omnipulse_alerting_erasures_total", "outcome=\"applied\"")).isGreaterThanOrEqualTo(1.0);

        // Late: ingested before the request (in flight, a replay), it is what was erased and opens
        // nothing; ingested after it, it is a new contact. Same partition: the second is handled after.
        String lateComment = "late " + UUID.randomUUID();
        double erasedEvents = metric("omnipulse_alerting_events_erased_total", "");
        double erasedEfforts = metric("omnipulse_alerting_signals_total", "outcome=\"erased\"");
        efforts.send(customer, new EffortIndexUpdated(customer, 97, List.of(), request.requestedAt().minusSeconds(5)));
        events.send(customer, ResolvedEventProducer.nps(uniqueId(), email, 0, lateComment,
                request.requestedAt().minusSeconds(30)).withIngestedAt(request.requestedAt().minusMillis(1)));
        ContactEvent newContact = ResolvedEventProducer.nps(uniqueId(), email, 4, "new contact",
                request.requestedAt().plusSeconds(1)).withIngestedAt(request.requestedAt().plusSeconds(2));
        events.send(customer, newContact);

        JsonPath reopened = awaitAlertWithTriggers(customer, 1);
        assertThat(reopened.getList("triggers.eventId")).containsExactly(newContact.eventId());
        // Counted once the batch's transaction returned, just after the alert became visible.
        await().atMost(DEADLINE).until(() -> metric("omnipulse_alerting_events_erased_total", "") == erasedEvents + 1);
        await().atMost(DEADLINE).until(() -> metric("omnipulse_alerting_signals_total", "outcome=\"erased\"")
                > erasedEfforts);
        assertThat(alertsOf(customer)).containsExactly(reopened.getInt("id"));
        assertThat(foundAnywhere(Map.of("late comment", lateComment))).isEmpty();
    }

    @Test
    void aMergeMadeBeforeTheErasureThatArrivesAfterItErasesTheMergedCustomerToo() throws Exception {
        String email = uniqueEmail();
        String customer = customerId(email);
        String mergedEmail = uniqueEmail();
        String merged = customerId(mergedEmail);
        String mergedComment = "awful " + UUID.randomUUID();
        events.send(ResolvedEventProducer.nps(uniqueId(), email, 2, "bad", Instant.now().minusSeconds(600)));
        long alertId = awaitAlertWithTriggers(customer, 1).getLong("id");
        events.send(ResolvedEventProducer.nps(uniqueId(), mergedEmail, 1, mergedComment, Instant.now().minusSeconds(300)));
        long mergedAlertId = awaitAlertWithTriggers(merged, 1).getLong("id");
        ErasureRequested request = request(customer);
        erasures.request(request);
        awaitProgress(request.erasureId(), 1);

        merges.send(CustomerMergeProducer.merge(merged, customer, request.requestedAt().minusSeconds(60)));

        await().atMost(DEADLINE).until(() -> alertsOf(merged).isEmpty());
        String marker = "erased:" + request.erasureId();
        assertThat(alertsOf(marker)).containsExactly((int) alertId);
        // Both were open detractor alerts: one per subject and cause, so the second keeps its own marker.
        assertThat(detail(mergedAlertId).getString("customerId")).isEqualTo(marker + ":" + mergedAlertId);
        assertThat(detail(mergedAlertId).getString("status")).isEqualTo("OPEN");
        assertThat(foundAnywhere(Map.of("customer id", customer, "merged customer id", merged,
                "merged comment", mergedComment))).isEmpty();
        await().atMost(DEADLINE).until(() -> metric("omnipulse_alerting_merges_total", "outcome=\"erased\"") >= 1.0);
    }

    @Test
    void anUnreadableRequestIsDeadLetteredAndTheNextOneIsHandled() {
        String email = uniqueEmail();
        String customer = customerId(email);
        events.send(ResolvedEventProducer.nps(uniqueId(), email, 2, "bad", Instant.now().minusSeconds(60)));
        long alertId = awaitAlertWithTriggers(customer, 1).getLong("id");
        try (RawTopics raw = new RawTopics()) {
            RecordMetadata garbage = raw.send(Topics.ERASURES.name(), customer.getBytes(StandardCharsets.UTF_8),
                    "{not json".getBytes(StandardCharsets.UTF_8));
            // Same key, same partition: this one is reached only if the garbage did not stop the channel.
            ErasureRequested request = request(customer);
            erasures.request(request);

            awaitProgress(request.erasureId(), 1);
            assertThat(detail(alertId).getString("customerId")).isEqualTo("erased:" + request.erasureId());
            await().atMost(DEADLINE).until(() -> raw.deadLetterOf(Topics.ERASURES.name(), garbage.partition(),
                    garbage.offset()).isPresent());
        }
    }

    // ------------------------------------------------------------------------------------------

    /** What the closed-loop KPIs and the queue read from an alert. */
    private static final String KPI_COLUMNS = "id, scope, cause, severity, status, team, channel, score, trigger_count,"
            + " opened_at, last_triggered_at, created_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by,"
            + " outcome, assignee, acknowledge_due_at, resolve_due_at, escalated_at, reason, agent_id, rated_channel,"
            + " rated_agent_id, rated_team, rated_transfers, rated_wait_seconds, rated_at";

    private static ErasureRequested request(String customerId) {
        return new ErasureRequested("er-" + UUID.randomUUID(), customerId, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                TestTokens.ADMIN_SUBJECT);
    }

    private static List<ErasureProgress> awaitProgress(String erasureId, int count) {
        return await().atMost(DEADLINE).until(() -> erasures.progressOf(erasureId, STEP), p -> p.size() >= count);
    }

    /**
     * Every text and JSON column of every table of the schema (from information_schema, so a table
     * added later is searched too): which of {@code needles} (name to value) occur anywhere.
     */
    private Map<String, List<String>> foundAnywhere(Map<String, String> needles) throws SQLException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (Connection c = db.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select c.table_name, c.column_name from information_schema.columns c
                      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                     where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                       and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
                     order by 1, 2
                    """); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns).extracting(column -> column[0]).contains("alert", "alert_trigger", "alert_audit",
                    "alert_outbox", "alert_context", "contact_seen", "customer_merge", "erasure", "erased_customer");
            for (String[] column : columns) {
                try (PreparedStatement ps = c.prepareStatement("select n.name from unnest(?::text[], ?::text[]) as n(name, value)"
                        + " where exists (select 1 from \"" + column[0] + "\" x where strpos(x.\"" + column[1]
                        + "\"::text, n.value) > 0)")) {
                    ps.setArray(1, c.createArrayOf("text", needles.keySet().toArray(new String[0])));
                    ps.setArray(2, c.createArrayOf("text", needles.values().toArray(new String[0])));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    private List<Map<String, Object>> rows(String columns, List<Long> alertIds) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + columns + " from alert where id = any(?) order by id")) {
            ps.setArray(1, c.createArrayOf("bigint", alertIds.toArray(new Long[0])));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /**
     * The erased alerts and what hangs on them, and the erasure records, row by row. The outbox by
     * payload only: the relay may still mark rows sent meanwhile.
     */
    private Map<String, List<String>> snapshot(List<Long> alertIds) throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("alert", "select row_to_json(t)::text from alert t where id = any(?) order by id");
        queries.put("alert_trigger", "select row_to_json(t)::text from alert_trigger t where alert_id = any(?) order by id");
        queries.put("alert_audit", "select row_to_json(t)::text from alert_audit t where alert_id = any(?) order by id");
        queries.put("alert_outbox", "select id || ' ' || payload from alert_outbox where alert_id = any(?) order by id");
        queries.put("alert_context", "select row_to_json(t)::text from alert_context t where alert_id = any(?)");
        queries.put("erasure", "select row_to_json(t)::text from erasure t where cardinality(?::bigint[]) >= 0 order by 1");
        queries.put("erased_customer",
                "select row_to_json(t)::text from erased_customer t where cardinality(?::bigint[]) >= 0 order by 1");
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        try (Connection c = db.getConnection()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(query.getValue())) {
                    ps.setArray(1, c.createArrayOf("bigint", alertIds.toArray(new Long[0])));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                }
                snapshot.put(query.getKey(), rows);
            }
        }
        return snapshot;
    }

    private static Map<String, Object> stats() {
        return given().get("/v1/alerts/stats").then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** A step by a lead of the alert's team, with a bearer token. */
    private static void act(long id, String action, String body) {
        String team = detail(id).getString("team");
        TestTokens.as(TestTokens.ADMIN_SUBJECT, List.of(Roles.LEAD), team == null ? List.of() : List.of(team))
                .contentType(ContentType.JSON).body(body).post("/v1/alerts/{id}/" + action, id).then().statusCode(200);
    }

    /** The sum of a Prometheus metric's samples whose labels contain {@code label}. */
    private static double metric(String name, String label) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .filter(l -> l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /**
     * The fake profile-service: a profile whose identifiers name the customer and whose journey holds
     * their e-mail and words, as a real one would.
     */
    private static void profile(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String id = path.substring(path.indexOf("/customers/") + "/customers/".length());
        Person person = PEOPLE.getOrDefault(id, new Person("nobody@example.com", "+447700900000", "nothing"));
        answer(exchange, "{\"customerId\":\"" + id + "\",\"identifiers\":{\"email\":[\"" + person.email()
                + "\"],\"phone\":[\"" + person.phone() + "\"]},\"journey\":[{\"eventId\":\"e-1\",\"type\":\"feedback\","
                + "\"email\":\"" + person.email() + "\",\"summary\":\"NPS 2: " + person.words() + "\"}]}");
    }

    /** A mobile number in E.164, as profile-service keeps phones, unique to one test's customer. */
    private static String uniquePhone() {
        return "+447700" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** The fake scoring-service: the customer's scores, keyed by their id. */
    private static void scores(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String key = query.replaceAll(".*key=([^&]*).*", "$1");
        answer(exchange, "{\"scope\":\"customer\",\"key\":\"" + key + "\",\"window\":\"30d\","
                + "\"nps\":{\"promoters\":0,\"passives\":0,\"detractors\":1,\"n\":1,\"score\":-100.0}}");
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}

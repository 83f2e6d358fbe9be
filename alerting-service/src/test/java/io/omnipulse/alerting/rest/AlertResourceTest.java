package io.omnipulse.alerting.rest;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.domain.ResolutionOutcome;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertAudit;
import io.omnipulse.alerting.persistence.AlertAuditRepository;
import io.omnipulse.alerting.persistence.AlertRepository;
import io.omnipulse.alerting.persistence.AlertTrigger;
import io.omnipulse.alerting.persistence.AlertTriggerRepository;
import io.omnipulse.alerting.persistence.TriggerContext;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.security.Roles;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The HTTP contract: paging, problem documents for bad input, and readiness. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AlertResourceTest {

    @Inject
    AlertRepository alerts;

    @Inject
    AlertTriggerRepository triggers;

    @Inject
    AlertAuditRepository audit;

    @Test
    void anUnknownAlertIsA404Problem() {
        given().get("/v1/alerts/999999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("999999"));
    }

    @Test
    void anUnknownStatusIsA400ProblemNamingTheParameter() {
        given().queryParam("status", "bogus").get("/v1/alerts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("status"))
                .body("detail", containsString("bogus"));
    }

    @Test
    void anUnknownCauseIsA400ProblemNamingTheParameter() {
        given().queryParam("cause", "weather").get("/v1/alerts")
                .then().statusCode(400)
                .body("errors.field", hasItem("cause"));
    }

    @Test
    void pageSizesAboveTheLimitAreRejected() {
        given().queryParam("size", 201).get("/v1/alerts")
                .then().statusCode(400)
                .body("errors.field", hasItem("size"));
        given().queryParam("page", -1).get("/v1/alerts")
                .then().statusCode(400)
                .body("errors.field", hasItem("page"));
    }

    @Test
    void theListIsPagedWithDefaults() {
        given().queryParam("status", "open").get("/v1/alerts")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("total", greaterThanOrEqualTo(0));
    }

    @Test
    void theQueueTakesSeveralStatusesAndPutsTheMostUrgentFirst() {
        String team = "urgency-" + UUID.randomUUID();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            save(team, "medium-due-in-1h", AlertSeverity.MEDIUM, AlertStatus.OPEN, now.minusSeconds(60), now.plusSeconds(3600));
            save(team, "critical-due-in-3h", AlertSeverity.CRITICAL, AlertStatus.OPEN, now.minusSeconds(600),
                    now.plusSeconds(3 * 3600));
            save(team, "high-overdue", AlertSeverity.HIGH, AlertStatus.ESCALATED, now.minusSeconds(7200),
                    now.minusSeconds(300));
            Alert acknowledged = save(team, "high-acknowledged-due-in-10min", AlertSeverity.HIGH,
                    AlertStatus.ACKNOWLEDGED, now.minusSeconds(3600), now.minusSeconds(1800));
            acknowledged.acknowledgedAt = now.minusSeconds(3000);
            acknowledged.resolveDueAt = now.plusSeconds(600);
            save(team, "critical-resolved", AlertSeverity.CRITICAL, AlertStatus.RESOLVED, now, now.plusSeconds(60));
        });

        given().queryParam("team", team).queryParam("status", "open,Acknowledged, escalated")
                .queryParam("sort", "urgency").get("/v1/alerts")
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("totalExact", equalTo(true))
                .body("items.key", contains("critical-due-in-3h", "high-overdue", "high-acknowledged-due-in-10min",
                        "medium-due-in-1h"));
        given().queryParam("team", team).queryParam("status", "open,acknowledged,escalated").get("/v1/alerts")
                .then().statusCode(200)
                .body("items.key", contains("medium-due-in-1h", "critical-due-in-3h",
                        "high-acknowledged-due-in-10min", "high-overdue"));
        given().queryParam("sort", "loudest").get("/v1/alerts")
                .then().statusCode(400)
                .body("errors.field", hasItem("sort"));
    }

    /**
     * An alert fed for long (a team's NPS drop gains a trigger with each pair of score updates): its
     * detail holds the latest 100 triggers and audit entries and says that earlier ones exist; the
     * pages of /triggers and /history hold every one, in order, and say where they end, for whoever may
     * read the alert.
     */
    @Test
    void theDetailHoldsTheLatestHundredTriggersAndEntriesAndThePagesHoldThemAll() {
        String team = "long-drop-" + UUID.randomUUID();
        Instant opened = Instant.parse("2026-11-01T00:00:00Z");
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Alert alert = save(team, team, AlertSeverity.HIGH, AlertStatus.OPEN, opened, opened.plusSeconds(86_400));
            for (int i = 0; i < 130; i++) {
                triggers.persist(AlertTrigger.of(alert, TriggerContext.derived("test", team + "-" + i,
                        opened.plusSeconds(i), null, team, null, null), opened));
                audit.persist(AlertAudit.of(alert.id, opened.plusSeconds(i), "system", "TRIGGERED", AlertStatus.OPEN,
                        AlertStatus.OPEN, "entry " + i));
            }
            return alert.id;
        });

        JsonPath detail = given().get("/v1/alerts/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("triggers.eventId")).hasSize(100).startsWith(team + "-30").endsWith(team + "-129");
        assertThat(detail.getBoolean("triggersComplete")).isFalse();
        assertThat(detail.getList("history.detail")).hasSize(100).startsWith("entry 30").endsWith("entry 129");
        assertThat(detail.getBoolean("historyComplete")).isFalse();

        given().queryParam("size", 200).get("/v1/alerts/" + id + "/triggers")
                .then().statusCode(200)
                .body("items.size()", equalTo(130))
                .body("items[0].eventId", equalTo(team + "-0"))
                .body("more", equalTo(false));
        given().queryParam("page", 1).get("/v1/alerts/" + id + "/triggers")
                .then().statusCode(200)
                .body("items.eventId", contains(IntStream.range(50, 100).mapToObj(i -> team + "-" + i).toArray()))
                .body("more", equalTo(true));
        given().queryParam("page", 2).get("/v1/alerts/" + id + "/history")
                .then().statusCode(200)
                .body("items.detail", contains(IntStream.range(100, 130).mapToObj(i -> "entry " + i).toArray()))
                .body("more", equalTo(false));
        given().queryParam("size", 0).get("/v1/alerts/" + id + "/history")
                .then().statusCode(400)
                .body("errors.field", hasItem("size"));
        given().get("/v1/alerts/" + Long.MAX_VALUE + "/triggers").then().statusCode(404);
        for (String list : List.of("/triggers", "/history")) {
            TestTokens.as("lead@example.com", List.of(Roles.LEAD), List.of(team)).get("/v1/alerts/" + id + list)
                    .then().statusCode(200);
            TestTokens.as("other-lead@example.com", List.of(Roles.LEAD), List.of("someone-else"))
                    .get("/v1/alerts/" + id + list).then().statusCode(403);
        }
    }

    /**
     * An alert's detail is read from one snapshot of the database: its trigger count and its triggers
     * agree while another transaction keeps adding triggers (as a customer merge folds one alert's
     * triggers into another's). Read statement by statement, a commit landing between the read of the
     * alert and that of its triggers showed one count with another number of triggers.
     */
    @Test
    void theDetailIsOneSnapshotWhileTriggersAreAdded() throws Exception {
        String team = "growing-" + UUID.randomUUID();
        Instant opened = Instant.parse("2026-11-01T00:00:00Z");
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Alert alert = save(team, team, AlertSeverity.HIGH, AlertStatus.OPEN, opened, opened.plusSeconds(86_400));
            triggers.persist(AlertTrigger.of(alert, TriggerContext.derived("test", team + "-0", opened, null, team,
                    null, null), opened));
            return alert.id;
        });
        // Below the hundred triggers the detail holds, so that every trigger counted is shown.
        int added = 90;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= added; i++) {
                int n = i;
                QuarkusTransaction.requiringNew().run(() -> {
                    Alert alert = alerts.findById(id);
                    triggers.persist(AlertTrigger.of(alert, TriggerContext.derived("test", team + "-" + n,
                            opened.plusSeconds(n), null, team, null, null), opened));
                    alert.triggerCount++;
                });
                // Spreads the commits over the reads; how they interleave is left to chance.
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        });
        int reads = 0;
        while (!writer.isDone() || reads == 0) {
            JsonPath detail = given().get("/v1/alerts/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(detail.getList("triggers")).as("read %d", reads).hasSize(detail.getInt("triggerCount"));
            reads++;
        }
        writer.get();
        assertThat(given().get("/v1/alerts/" + id).then().statusCode(200).extract().jsonPath().getInt("triggerCount"))
                .isEqualTo(added + 1);
    }

    /**
     * A backlog longer than the count reaches (1,000 past the page's first alert, by default): the total
     * says "at least 1,000" on the first page, and is exact again once the end is in reach, on a last
     * page that is not full, and past the end.
     */
    @Test
    void theTotalIsCountedExactlyUpToAThousandPastThePage() {
        String team = "backlog-" + UUID.randomUUID();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> IntStream.range(0, 1060).forEach(i -> save(team, team + "-" + i,
                AlertSeverity.MEDIUM, AlertStatus.OPEN, now.minusSeconds(i), now.plusSeconds(86_400))));

        given().queryParam("team", team).get("/v1/alerts")
                .then().statusCode(200)
                .body("items.size()", equalTo(50))
                .body("total", equalTo(1000))
                .body("totalExact", equalTo(false));
        given().queryParam("team", team).queryParam("page", 2).get("/v1/alerts")
                .then().statusCode(200)
                .body("total", equalTo(1060))
                .body("totalExact", equalTo(true));
        given().queryParam("team", team).queryParam("size", 200).queryParam("page", 5).get("/v1/alerts")
                .then().statusCode(200)
                .body("items.size()", equalTo(60))
                .body("total", equalTo(1060))
                .body("totalExact", equalTo(true));
        given().queryParam("team", team).queryParam("page", 40).get("/v1/alerts")
                .then().statusCode(200)
                .body("items.size()", equalTo(0))
                .body("total", equalTo(1060))
                .body("totalExact", equalTo(true));
        given().queryParam("team", team).queryParam("status", "resolved").get("/v1/alerts")
                .then().statusCode(200)
                .body("total", equalTo(0))
                .body("totalExact", equalTo(true));
    }

    /**
     * The queue's order lives in columns PostgreSQL derives from the others (V10): acknowledging an alert
     * through the API moves it to its resolve deadline, and raising its severity moves it ahead, with no
     * code of ours writing the order. The API's {@code dueAt} is the deadline the order counts with, as of
     * the answer: the acknowledge deadline, the resolve deadline as soon as it is acknowledged, none once resolved.
     */
    @Test
    void anAlertMovesInTheQueueWhenItIsAcknowledgedOrItsSeverityRises() {
        String team = "moves-" + UUID.randomUUID();
        Instant now = Instant.now();
        long[] ids = new long[2];
        QuarkusTransaction.requiringNew().run(() -> {
            ids[0] = save(team, "due-in-1h", AlertSeverity.HIGH, AlertStatus.OPEN, now.minusSeconds(60),
                    now.plusSeconds(3600)).id;
            ids[1] = save(team, "due-in-2h", AlertSeverity.HIGH, AlertStatus.OPEN, now.minusSeconds(60),
                    now.plusSeconds(7200)).id;
        });
        assertThat(queueOf(team)).containsExactly("due-in-1h", "due-in-2h");
        JsonPath open = given().get("/v1/alerts/{id}", ids[0]).then().statusCode(200).extract().jsonPath();
        String acknowledgeDue = open.getString("acknowledgeDueAt");
        assertThat(open.getString("dueAt")).isEqualTo(acknowledgeDue);

        // Acknowledged: its deadline is now the resolve deadline, a day after the other's acknowledge deadline.
        String resolveDue = given().contentType(ContentType.JSON).body("{}").post("/v1/alerts/{id}/acknowledge", ids[0])
                .then().statusCode(200)
                .body("dueAt", not(equalTo(acknowledgeDue)))
                .extract().path("resolveDueAt");
        given().get("/v1/alerts/{id}", ids[0]).then().body("dueAt", equalTo(resolveDue));
        assertThat(queueOf(team)).containsExactly("due-in-2h", "due-in-1h");

        QuarkusTransaction.requiringNew().run(() -> alerts.findById(ids[0]).severity = AlertSeverity.CRITICAL);
        assertThat(queueOf(team)).containsExactly("due-in-1h", "due-in-2h");

        given().contentType(ContentType.JSON).body("{\"outcome\":\"contacted\"}").post("/v1/alerts/{id}/resolve", ids[0])
                .then().statusCode(200)
                .body("$", not(hasKey("dueAt")));
    }

    private static List<String> queueOf(String team) {
        return given().queryParam("team", team).queryParam("status", "open,acknowledged,escalated")
                .queryParam("sort", "urgency").get("/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items.key", String.class);
    }

    @Test
    void theKpisOfOneTeamCountOnlyItsAlertsAndOnlyForWhoMaySeeThem() {
        String team = "kpis-" + UUID.randomUUID();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            save(team, "kpi-open", AlertSeverity.HIGH, AlertStatus.OPEN, now.minusSeconds(60), now.plusSeconds(3600));
            save(team, "kpi-escalated", AlertSeverity.CRITICAL, AlertStatus.ESCALATED, now.minusSeconds(600),
                    now.minusSeconds(60));
            save(team, "kpi-resolved", AlertSeverity.MEDIUM, AlertStatus.RESOLVED, now.minusSeconds(900),
                    now.plusSeconds(60));
        });

        given().queryParam("team", team).get("/v1/alerts/stats")
                .then().statusCode(200)
                .body("open", equalTo(2))
                .body("openByCauseAndSeverity.NPS_DROP.HIGH", equalTo(1))
                .body("openByCauseAndSeverity.NPS_DROP.CRITICAL", equalTo(1));
        TestTokens.as("analyst@example.com", List.of(Roles.ANALYST), List.of()).queryParam("team", team)
                .get("/v1/alerts/stats").then().statusCode(200).body("open", equalTo(2));
        TestTokens.as("lead@example.com", List.of(Roles.LEAD), List.of(team)).queryParam("team", team)
                .get("/v1/alerts/stats").then().statusCode(200).body("open", equalTo(2));
        TestTokens.as("other-lead@example.com", List.of(Roles.LEAD), List.of("someone-else")).queryParam("team", team)
                .get("/v1/alerts/stats").then().statusCode(403);
    }

    @Test
    void theMediansAndTheShareCoverTheAlertsRaisedInThePeriodAndTheBacklogEveryUnresolvedAlert() {
        String team = "kpi-period-" + UUID.randomUUID();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            // Raised 40 days ago: acknowledged after an hour, resolved (customer reached) after two.
            Alert old = save(team, "kpi-old", AlertSeverity.HIGH, AlertStatus.RESOLVED, now.minus(Duration.ofDays(40)),
                    now.minus(Duration.ofDays(39)));
            old.acknowledgedAt = old.createdAt.plusSeconds(3_600);
            old.resolvedAt = old.createdAt.plusSeconds(7_200);
            old.outcome = ResolutionOutcome.CONTACTED;
            old.cause = AlertCause.DETRACTOR;
            // Raised 3 days ago: acknowledged after 10 minutes, resolved (customer not reached) after 20.
            Alert recent = save(team, "kpi-recent", AlertSeverity.HIGH, AlertStatus.RESOLVED,
                    now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
            recent.acknowledgedAt = recent.createdAt.plusSeconds(600);
            recent.resolvedAt = recent.createdAt.plusSeconds(1_200);
            recent.outcome = ResolutionOutcome.UNREACHABLE;
            recent.cause = AlertCause.DETRACTOR;
            // Raised 50 days ago and never acknowledged: still in the backlog, whatever the period.
            save(team, "kpi-forgotten", AlertSeverity.MEDIUM, AlertStatus.ESCALATED, now.minus(Duration.ofDays(50)),
                    now.minus(Duration.ofDays(49)));
        });

        given().queryParam("team", team).get("/v1/alerts/stats")
                .then().statusCode(200)
                .body("periodDays", equalTo(30))
                .body("open", equalTo(1))
                .body("medianSecondsToAcknowledge", equalTo(600.0f))
                .body("medianSecondsToResolve", equalTo(1_200.0f))
                .body("detractorsContactedWithin48h.counted", equalTo(1))
                .body("detractorsContactedWithin48h.contacted", equalTo(0));
        given().queryParam("team", team).queryParam("days", "60").get("/v1/alerts/stats")
                .then().statusCode(200)
                .body("periodDays", equalTo(60))
                .body("open", equalTo(1))
                .body("medianSecondsToAcknowledge", equalTo(2_100.0f))
                .body("medianSecondsToResolve", equalTo(4_200.0f))
                .body("detractorsContactedWithin48h.counted", equalTo(2))
                .body("detractorsContactedWithin48h.contacted", equalTo(1));
        for (String days : List.of("0", "367", "a month")) {
            given().queryParam("team", team).queryParam("days", days).get("/v1/alerts/stats")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("days"));
        }
    }

    private Alert save(String team, String key, AlertSeverity severity, AlertStatus status, Instant openedAt,
            Instant acknowledgeDue) {
        Alert alert = Alert.open(AlertScope.TEAM, key, AlertCause.NPS_DROP, severity,
                TriggerContext.derived("test", key, openedAt, null, team, null, null), openedAt);
        alert.status = status;
        alert.acknowledgeDueAt = acknowledgeDue;
        alert.resolveDueAt = acknowledgeDue.plusSeconds(86_400);
        alerts.persist(alert);
        return alert;
    }

    @Test
    void theOpenApiDocumentSaysWhatAnAlertsContactIs() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas.AlertView.properties.contact.description",
                        containsString("How to reach the customer"))
                .body("components.schemas.AlertContact.properties.keySet()",
                        hasItems("email", "phone", "crmId", "handle", "chatVisitorId", "lastChannel", "best"))
                .body("components.schemas.AlertContact.properties.keySet()", not(hasItem("lastChannelAt")));
    }

    @Test
    void readinessReportsTheDatabaseAndKafka() {
        // Ready once every consumer has joined its group: right away when an earlier test class warmed
        // this application up, a few seconds later when this class runs first on a fresh one.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> given()
                .get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Reactive Messaging"))));
    }
}

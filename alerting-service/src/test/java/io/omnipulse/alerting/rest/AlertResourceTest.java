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
import io.omnipulse.alerting.persistence.AlertRepository;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The HTTP contract: paging, problem documents for bad input, and readiness. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AlertResourceTest {

    @Inject
    AlertRepository alerts;

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

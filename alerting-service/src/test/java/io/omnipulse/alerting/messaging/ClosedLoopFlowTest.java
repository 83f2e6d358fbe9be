package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.detail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.omnipulse.alerting.service.Escalator;
import io.omnipulse.alerting.testing.NotificationReceiversResource;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.events.AlertAcknowledged;
import io.omnipulse.events.AlertAssigned;
import io.omnipulse.events.AlertEscalated;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.AlertRaised;
import io.omnipulse.events.AlertResolved;
import io.omnipulse.security.Roles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The loop end to end on the real broker and database: routing, context, lifecycle, escalation, events. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(value = NotificationReceiversResource.class, scope = TestResourceScope.GLOBAL)
class ClosedLoopFlowTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static ResolvedEventProducer producer;
    private static AlertEventReader reader;

    @Inject
    Escalator escalator;

    @BeforeAll
    static void connect() {
        producer = new ResolvedEventProducer();
        reader = new AlertEventReader();
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        reader.close();
    }

    @Test
    void theAlertIsRoutedToTheTeamOfTheLatestContactAndCarriesTheRatedInteraction() {
        String email = uniqueEmail();
        producer.send(ResolvedEventProducer.interaction(uniqueId(), email, "call-1", "retention", 3, 600, T0));
        producer.send(ResolvedEventProducer.npsRating(uniqueId(), email, 3, "passed around", "call-1",
                T0.plusSeconds(600)));

        JsonPath alert = awaitAlertWithTriggers(customerId(email), 1);
        assertThat(alert.getString("team")).isEqualTo("retention");
        assertThat(alert.getString("interaction.channel")).isEqualTo("call");
        assertThat(alert.getString("interaction.agentId")).isEqualTo("agent-42");
        assertThat(alert.getInt("interaction.transfers")).isEqualTo(3);
        assertThat(alert.getInt("interaction.waitSeconds")).isEqualTo(600);
        assertThat(alert.getString("reason")).isEqualTo("detractor: NPS 3 of 10, at most 6");
        assertThat(alert.getString("comment")).isEqualTo("passed around");
        assertThat(alert.getList("history.action")).containsExactly("OPENED");
        given().queryParam("team", "retention").queryParam("severity", "critical").get("/v1/alerts")
                .then().statusCode(200).body("items.id", hasItem(alert.getInt("id")));
    }

    @Test
    void anAlertIsAcknowledgedAssignedAndResolvedWithAnAuditTrailAndEvents() {
        String email = uniqueEmail();
        producer.send(ResolvedEventProducer.nps(uniqueId(), email, 4, "slow", T0));
        JsonPath raised = awaitAlertWithTriggers(customerId(email), 1);
        long id = raised.getLong("id");
        String team = raised.getString("team");

        List<String> teams = team == null ? List.of() : List.of(team);
        // The actor is the token's subject: an actor in the body is ignored, whatever it claims.
        post("lead@example.com", teams, id, "acknowledge", "{\"actor\":\"mallory@example.com\"}").statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("lead@example.com"));
        post("lead@example.com", teams, id, "acknowledge", "{}").statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
        post("lead@example.com", teams, id, "assign", "{}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("assignee"));
        post("lead@example.com", teams, id, "assign", "{\"assignee\":\"sam@example.com\"}").statusCode(200)
                .body("assignee", equalTo("sam@example.com"));
        post("sam@example.com", teams, id, "resolve", "{}").statusCode(400).body("errors.field", hasItem("outcome"));
        post("sam@example.com", teams, id, "resolve", "{\"outcome\":\"shrugged\"}").statusCode(400)
                .body("errors.field", hasItem("outcome"));
        post("sam@example.com", teams, id, "resolve", "{\"outcome\":\"contacted\",\"note\":\"called, refunded\"}")
                .statusCode(200).body("status", equalTo("RESOLVED")).body("outcome", equalTo("CONTACTED"));
        post("sam@example.com", teams, id, "resolve", "{\"outcome\":\"recovered\"}").statusCode(409);
        post("sam@example.com", teams, id, "notes", "{\"text\":\"customer wrote a thank-you\"}").statusCode(200);
        post("sam@example.com", teams, 999_999_999L, "acknowledge", "{}").statusCode(404);

        JsonPath after = detail(id);
        assertThat(after.getList("history.action"))
                .containsExactly("OPENED", "ACKNOWLEDGED", "ASSIGNED", "RESOLVED", "NOTE");
        assertThat(after.getList("history.actor"))
                .containsExactly("system", "lead@example.com", "lead@example.com", "sam@example.com", "sam@example.com");
        assertThat(after.getString("resolutionNote")).isEqualTo("called, refunded");

        List<AlertEvent> events = await().atMost(DEADLINE).until(() -> reader.eventsOf(id), e -> e.size() >= 4);
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("AlertRaised", "AlertAcknowledged", "AlertAssigned", "AlertResolved");
        assertThat(((AlertRaised) events.get(0)).key()).isEqualTo(customerId(email));
        assertThat(((AlertAcknowledged) events.get(1)).actor()).isEqualTo("lead@example.com");
        assertThat(((AlertAssigned) events.get(2)).assignee()).isEqualTo("sam@example.com");
        assertThat(((AlertResolved) events.get(3)).outcome()).isEqualTo("contacted");

        given().get("/v1/alerts/stats").then().statusCode(200)
                .body("medianSecondsToAcknowledge", org.hamcrest.Matchers.notNullValue())
                .body("medianSecondsToResolve", org.hamcrest.Matchers.notNullValue())
                .body("detractorsContactedWithin48h.contacted", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void aBreachedDeadlineEscalatesOnceRaisesTheSeverityAndNotifiesAgain() {
        String email = uniqueEmail();
        producer.send(ResolvedEventProducer.nps(uniqueId(), email, 5, "meh", T0));
        JsonPath alert = awaitAlertWithTriggers(customerId(email), 1);
        long id = alert.getLong("id");
        assertThat(alert.getString("severity")).isEqualTo("HIGH");
        Instant ackDue = Instant.parse(alert.getString("acknowledgeDueAt"));
        assertThat(ackDue).isEqualTo(Instant.parse(alert.getString("createdAt")).plusSeconds(3600));

        // Moving time is a method argument: no one waits an hour.
        escalator.escalateDue(ackDue.minusSeconds(1));
        assertThat(detail(id).getString("status")).isEqualTo("OPEN");
        escalator.escalateDue(ackDue.plusSeconds(1));
        escalator.escalateDue(ackDue.plusSeconds(2));

        JsonPath escalated = detail(id);
        assertThat(escalated.getString("status")).isEqualTo("ESCALATED");
        assertThat(escalated.getString("severity")).isEqualTo("CRITICAL");
        assertThat(escalated.getList("history.action")).containsExactly("OPENED", "ESCALATED");
        List<AlertEvent> events = await().atMost(DEADLINE).until(() -> reader.eventsOf(id), e -> e.size() >= 2);
        assertThat(events.get(1)).isInstanceOfSatisfying(AlertEscalated.class,
                e -> assertThat(e.severity()).isEqualTo("CRITICAL"));
        // The escalation queued notifications again, like the raise did.
        given().get("/v1/alerts/{id}/deliveries", id).then().statusCode(200)
                .body("channel.findAll { it == 'EMAIL' }.size()", equalTo(2));

        // Acknowledging an escalated alert is allowed; the resolve deadline can still escalate it later.
        post("lead@example.com", escalated.getString("team") == null ? List.of() : List.of(escalated.getString("team")),
                id, "acknowledge", "{}").statusCode(200);
        Instant resolveDue = Instant.parse(escalated.getString("resolveDueAt"));
        escalator.escalateDue(resolveDue.plusSeconds(1));
        assertThat(detail(id).getList("history.action"))
                .containsExactly("OPENED", "ESCALATED", "ACKNOWLEDGED", "ESCALATED");
    }

    /** A step on an alert by {@code subject}, a lead of {@code teams}. */
    private static ValidatableResponse post(String subject, List<String> teams, long id,
            String action, String body) {
        return TestTokens.as(subject, List.of(Roles.LEAD), teams).contentType(ContentType.JSON).body(body)
                .post("/v1/alerts/{id}/" + action, id).then();
    }
}

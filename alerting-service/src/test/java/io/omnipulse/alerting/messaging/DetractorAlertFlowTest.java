package io.omnipulse.alerting.messaging;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Metric;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contact events on the real broker become alerts in the real PostgreSQL, read back over REST. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DetractorAlertFlowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static ResolvedEventProducer producer;

    @BeforeAll
    static void connect() {
        producer = new ResolvedEventProducer();
    }

    @AfterAll
    static void disconnect() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void detractorResponseOpensOneAlertWithItsContext() {
        String email = uniqueEmail();
        ContactEvent answer = ResolvedEventProducer.nps(uniqueId(), email, 2, "nobody called back", T0);
        producer.send(answer);

        JsonPath alert = awaitAlertWithTriggers(email, 1);
        assertThat(alert.getString("cause")).isEqualTo("DETRACTOR");
        assertThat(alert.getString("severity")).isEqualTo("CRITICAL");
        assertThat(alert.getString("status")).isEqualTo("OPEN");
        assertThat(alert.getString("channel")).isEqualTo("email");
        assertThat(alert.getString("team")).isEqualTo("billing");
        assertThat(alert.getString("agentId")).isEqualTo("agent-7");
        assertThat(alert.getString("conversationId")).isEqualTo("conv-" + answer.eventId());
        assertThat(alert.getInt("score")).isEqualTo(2);
        assertThat(alert.getString("comment")).isEqualTo("nobody called back");
        assertThat(Instant.parse(alert.getString("openedAt"))).isEqualTo(T0);
        assertThat(alert.getList("triggers.eventId")).containsExactly(answer.eventId());
        // Whom to call back, from the answer's identifiers: on the detail and on the queue's row.
        assertThat(alert.getString("contact.email")).isEqualTo(email);
        assertThat(alert.getString("contact.lastChannel")).isEqualTo("email");
        assertThat(alert.getString("contact.best")).isEqualTo(email);
        JsonPath queue = given().queryParam("customerId", customerId(email)).get("/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
        assertThat(queue.getString("items[0].contact.email")).isEqualTo(email);
        assertThat(queue.getString("items[0].contact.best")).isEqualTo(email);
    }

    @Test
    void theAlertBelongsToTheResolvedCustomerTheRecordIsKeyedBy() {
        // After a merge, profile-service publishes this e-mail's answers under the survivor's id.
        String email = uniqueEmail();
        String survivor = customerId(uniqueEmail());
        ContactEvent answer = ResolvedEventProducer.nps(uniqueId(), email, 3, "third time I write", T0);
        producer.send(survivor, answer);

        List<Integer> ids = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> alertsOfCustomer(survivor), found -> found.size() == 1);
        JsonPath alert = given().get("/v1/alerts/{id}", ids.get(0)).then().statusCode(200).extract().jsonPath();
        assertThat(alert.getString("customerId")).isEqualTo(survivor);
        assertThat(alert.getList("triggers.eventId")).containsExactly(answer.eventId());
        assertThat(alertsOf(email)).isEmpty();
    }

    @Test
    void theSameEventDeliveredTwiceCountsOnce() {
        String email = uniqueEmail();
        ContactEvent answer = ResolvedEventProducer.nps(uniqueId(), email, 5, "meh", T0);
        ContactEvent later = ResolvedEventProducer.nps(uniqueId(), email, 6, "still meh", T0.plusSeconds(60));
        producer.send(answer);
        producer.send(answer);
        // Same key, same partition: once the later event is in, the replay before it was handled.
        producer.send(later);

        JsonPath alert = awaitAlertWithTriggers(email, 2);
        assertThat(alert.getList("triggers.eventId")).containsExactly(answer.eventId(), later.eventId());
        assertThat(alertsOf(email)).hasSize(1);
        assertThat(counter("omnipulse_alerting_events_duplicate_total")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aSecondDetractorAnswerAttachesToTheOpenAlertAndRaisesItsSeverity() {
        String email = uniqueEmail();
        String phone = "+44 20 7946 0321";
        ContactEvent first = ResolvedEventProducer.nps(uniqueId(), email, 5, "slow", T0);
        // The second answer names the customer by phone only; identity resolution keyed it as the same person.
        ContactEvent second = ResolvedEventProducer.nps(uniqueId(), new CustomerIds(null, null, phone, null, null), 1,
                "never again", T0.plusSeconds(3600));
        producer.send(first);
        producer.send(customerId(email), second);

        JsonPath alert = awaitAlertWithTriggers(email, 2);
        assertThat(alertsOf(email)).hasSize(1);
        assertThat(alert.getInt("triggerCount")).isEqualTo(2);
        assertThat(alert.getString("severity")).isEqualTo("CRITICAL");
        assertThat(alert.getList("triggers.eventId")).containsExactly(first.eventId(), second.eventId());
        // Opened by the first answer; the context follows the latest one.
        assertThat(Instant.parse(alert.getString("openedAt"))).isEqualTo(T0);
        assertThat(Instant.parse(alert.getString("lastTriggeredAt"))).isEqualTo(T0.plusSeconds(3600));
        assertThat(alert.getString("comment")).isEqualTo("never again");
        // The re-trigger fills the phone it carries and does not blank the e-mail it lacks.
        assertThat(alert.getString("contact.phone")).isEqualTo(phone);
        assertThat(alert.getString("contact.email")).isEqualTo(email);
        assertThat(alert.getString("contact.best")).isEqualTo(email);
    }

    @Test
    void promotersSkippedAnswersAndGoodAnswersOnOtherMetricsOpenNothing() {
        String email = uniqueEmail();
        producer.send(ResolvedEventProducer.nps(uniqueId(), email, 9, "great", T0));
        producer.send(ResolvedEventProducer.nps(uniqueId(), email, null, null, T0.plusSeconds(1)));
        producer.send(ResolvedEventProducer.feedback(uniqueId(), email, Metric.CSAT, 4, "fine", T0.plusSeconds(2)));
        ContactEvent detractor = ResolvedEventProducer.nps(uniqueId(), email, 4, "hmm", T0.plusSeconds(3));
        // All four share the customer's partition, so when the detractor's alert exists the three
        // before it have been processed: had any opened or fed an alert, it would show here.
        producer.send(detractor);

        JsonPath alert = awaitAlertWithTriggers(email, 1);
        assertThat(alert.getList("triggers.eventId")).containsExactly(detractor.eventId());
        assertThat(alert.getInt("triggerCount")).isEqualTo(1);
        assertThat(alert.getString("severity")).isEqualTo("HIGH");
        assertThat(alertsOf(email)).hasSize(1);
    }

    @Test
    void anUnreadableRecordIsSkippedAndCountedWithoutStoppingConsumption() {
        String email = uniqueEmail();
        producer.sendGarbage(customerId(email), "{not json");
        ContactEvent detractor = ResolvedEventProducer.nps(uniqueId(), email, 0, "awful", T0);
        // Same key, same partition: the detractor is only reached if the garbage did not stop us.
        producer.send(detractor);

        JsonPath alert = awaitAlertWithTriggers(email, 1);
        assertThat(alert.getList("triggers.eventId")).containsExactly(detractor.eventId());
        assertThat(counter("omnipulse_alerting_events_unreadable_total")).isGreaterThanOrEqualTo(1.0);
    }

    /** Waits until the customer's alert has {@code triggers} triggers and returns its detail. */
    private static JsonPath awaitAlertWithTriggers(String email, int triggers) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    List<Integer> ids = alertsOf(email);
                    if (ids.size() != 1) {
                        return null;
                    }
                    return given().get("/v1/alerts/{id}", ids.get(0)).then().statusCode(200).extract().jsonPath();
                }, alert -> alert != null && alert.getList("triggers").size() == triggers);
    }

    private static List<Integer> alertsOf(String email) {
        return alertsOfCustomer(customerId(email));
    }

    private static List<Integer> alertsOfCustomer(String customerId) {
        return given().queryParam("customerId", customerId).get("/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
    }

    private static double counter(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String customerId(String email) {
        return CustomerKeys.customerId(new CustomerIds(null, email, null, null, null));
    }

    private static String uniqueEmail() {
        return "cust-" + UUID.randomUUID() + "@example.com";
    }

    private static String uniqueId() {
        return "evt-" + UUID.randomUUID();
    }
}

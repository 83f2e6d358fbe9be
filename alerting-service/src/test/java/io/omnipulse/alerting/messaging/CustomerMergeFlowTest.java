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
import static org.hamcrest.Matchers.hasItem;

import io.omnipulse.alerting.service.AlertService;
import io.omnipulse.alerting.service.CustomerMergeService;
import io.omnipulse.alerting.service.Outcome;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.AlertMoved;
import io.omnipulse.events.AlertRaised;
import io.omnipulse.events.AlertResolved;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomersMerged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customer merges from identity resolution on the real broker and database: after a merge the
 * person has one unresolved alert per cause, under the survivor, however often or in whatever
 * order the merges arrive.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class CustomerMergeFlowTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static ResolvedEventProducer events;
    private static CustomerMergeProducer merges;
    private static AlertEventReader reader;

    @Inject
    EntityManager em;
    @Inject
    AlertService alerts;
    @Inject
    CustomerMergeService mergeService;

    @BeforeAll
    static void connect() {
        events = new ResolvedEventProducer();
        merges = new CustomerMergeProducer();
        reader = new AlertEventReader();
    }

    @AfterAll
    static void disconnect() {
        events.close();
        merges.close();
        reader.close();
    }

    @Test
    void anOpenAlertOfTheMergedCustomerMovesToTheSurvivor() {
        String merged = uniqueEmail();
        String survivor = uniqueEmail();
        long id = awaitAlertWithTriggers(customerId(merged), 1, events, nps(merged, 3, "no answer", T0));

        CustomersMerged merge = CustomerMergeProducer.merge(customerId(merged), customerId(survivor));
        merges.send(merge);

        awaitAlerts(customerId(survivor), List.of((int) id));
        assertThat(alertsOf(customerId(merged))).isEmpty();
        JsonPath alert = detail(id);
        assertThat(alert.getString("customerId")).isEqualTo(customerId(survivor));
        assertThat(alert.getString("status")).isEqualTo("OPEN");
        assertThat(alert.getList("history.action")).containsExactly("OPENED", "MERGED");
        assertThat(alert.getList("history.actor")).containsExactly("system", "system");
        assertThat(alert.getString("history[1].detail")).isEqualTo("customer " + customerId(merged) + " merged into "
                + customerId(survivor) + " (event chat-widget/" + merge.linkingEventId() + ")");

        // Systems following the loop learn that the alert changed customer.
        List<AlertEvent> published = await().atMost(DEADLINE).until(() -> reader.eventsOf(id), e -> e.size() >= 2);
        assertThat(published.get(1)).isInstanceOfSatisfying(AlertMoved.class, e -> {
            assertThat(e.fromCustomerId()).isEqualTo(customerId(merged));
            assertThat(e.toCustomerId()).isEqualTo(customerId(survivor));
            assertThat(e.actor()).isEqualTo("system");
        });
    }

    /**
     * An answer handled while its customer's merge is under way (applied, not yet committed) waits for
     * that merge, and its alert opens under the survivor. Before, it was stored under the merged id
     * after the merge had moved that id's alerts, and stayed there.
     */
    @Test
    void anAnswerHandledWhileItsCustomersMergeIsUnderWayEndsUnderTheSurvivor() throws Exception {
        String mergedEmail = uniqueEmail();
        String merged = customerId(mergedEmail);
        String survivor = customerId(uniqueEmail());
        ContactEvent answer = nps(mergedEmail, 1, "still waiting", T0);
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> merge = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                mergeService.apply(CustomerMergeProducer.merge(merged, survivor));
                applied.countDown();
                awaitQuietly(release);
            }));
            assertThat(applied.await(60, TimeUnit.SECONDS)).isTrue();
            Future<List<Outcome>> handled = threads.submit(() -> QuarkusTransaction.requiringNew()
                    .call(() -> alerts.handleEvents(List.of(Map.entry(merged, answer)))));
            try {
                // Time for the answer to be stored under the merged id, as it was before the merge lock.
                handled.get(2, TimeUnit.SECONDS);
            } catch (TimeoutException waitingForTheMerge) {
                // as it should: the merge holds its lock until it commits
            }
            release.countDown();
            merge.get(60, TimeUnit.SECONDS);
            assertThat(handled.get(60, TimeUnit.SECONDS)).containsExactly(Outcome.OPENED);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }

        assertThat(alertsOf(merged)).isEmpty();
        assertThat(alertsOf(survivor)).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void whenBothHaveAnOpenAlertTheMergedOneIsFoldedInAndResolvedAsMerged() {
        String merged = uniqueEmail();
        String survivor = uniqueEmail();
        String mergedPhone = "+44 7700 900456";
        ContactEvent older = nps(survivor, 5, "slow", T0);
        ContactEvent later = ResolvedEventProducer.nps(uniqueId(), new CustomerIds(null, merged, mergedPhone, null, null),
                1, "never again", T0.plusSeconds(3600));
        long keptId = awaitAlertWithTriggers(customerId(survivor), 1, events, older);
        long foldedId = awaitAlertWithTriggers(customerId(merged), 1, events, later);
        JsonPath foldedBefore = detail(foldedId);
        JsonPath keptBefore = detail(keptId);

        merges.send(CustomerMergeProducer.merge(customerId(merged), customerId(survivor)));

        JsonPath kept = awaitAlertWithTriggersOf(keptId, 2);
        assertThat(alertsOf(customerId(survivor))).containsExactly((int) keptId);
        assertThat(kept.getString("status")).isEqualTo("OPEN");
        assertThat(kept.getInt("triggerCount")).isEqualTo(2);
        assertThat(kept.getList("triggers.eventId")).containsExactly(older.eventId(), later.eventId());
        assertThat(kept.getString("severity")).isEqualTo("CRITICAL");
        assertThat(Instant.parse(kept.getString("openedAt"))).isEqualTo(T0);
        assertThat(Instant.parse(kept.getString("lastTriggeredAt"))).isEqualTo(T0.plusSeconds(3600));
        assertThat(kept.getString("comment")).isEqualTo("never again");
        // The survivor's contact keeps its e-mail and gains the phone only the folded alert knew.
        assertThat(kept.getString("contact.email")).isEqualTo(survivor);
        assertThat(kept.getString("contact.phone")).isEqualTo(mergedPhone);
        assertThat(kept.getString("contact.best")).isEqualTo(survivor);
        // The person has waited since the first of the two alerts: its deadline holds.
        Instant earlierDue = earlier(keptBefore.getString("acknowledgeDueAt"), foldedBefore.getString("acknowledgeDueAt"));
        assertThat(Instant.parse(kept.getString("acknowledgeDueAt"))).isEqualTo(earlierDue);
        assertThat(kept.getList("history.action")).containsExactly("OPENED", "MERGED");
        assertThat(kept.getString("history[1].detail")).contains("alert " + foldedId + " folded in with 1 trigger(s)",
                "severity HIGH -> CRITICAL");

        JsonPath folded = detail(foldedId);
        assertThat(alertsOf(customerId(merged))).containsExactly((int) foldedId);
        assertThat(folded.getString("status")).isEqualTo("RESOLVED");
        assertThat(folded.getString("outcome")).isEqualTo("MERGED");
        assertThat(folded.getString("resolvedBy")).isEqualTo("system");
        assertThat(folded.getString("resolutionNote"))
                .isEqualTo("folded into alert " + keptId + " of customer " + customerId(survivor));
        assertThat(folded.getList("triggers")).isEmpty();
        assertThat(folded.getList("history.action")).containsExactly("OPENED", "MERGED");
        assertThat(folded.getList("history.to")).containsExactly("OPEN", "RESOLVED");

        List<AlertEvent> published = await().atMost(DEADLINE).until(() -> reader.eventsOf(foldedId), e -> e.size() >= 2);
        assertThat(published.get(0)).isInstanceOf(AlertRaised.class);
        assertThat(published.get(1)).isInstanceOfSatisfying(AlertResolved.class, e -> {
            assertThat(e.outcome()).isEqualTo("merged");
            assertThat(e.note()).contains("alert " + keptId);
            assertThat(e.actor()).isEqualTo("system");
        });
    }

    @Test
    void theSameMergeTwiceChangesNothingTheSecondTime() {
        String merged = uniqueEmail();
        String survivor = uniqueEmail();
        long keptId = awaitAlertWithTriggers(customerId(survivor), 1, events, nps(survivor, 4, "meh", T0));
        long foldedId = awaitAlertWithTriggers(customerId(merged), 1, events, nps(merged, 2, "bad", T0));
        double duplicates = metric("omnipulse_alerting_merges_total", "outcome=\"duplicate\"");
        CustomersMerged merge = CustomerMergeProducer.merge(customerId(merged), customerId(survivor));

        merges.send(merge);
        merges.send(merge);

        // Same key, same partition: once the replay was counted, both were handled.
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("omnipulse_alerting_merges_total", "outcome=\"duplicate\"") >= duplicates + 1);
        JsonPath kept = detail(keptId);
        assertThat(kept.getInt("triggerCount")).isEqualTo(2);
        assertThat(kept.getList("triggers")).hasSize(2);
        assertThat(kept.getList("history.action")).containsExactly("OPENED", "MERGED");
        JsonPath folded = detail(foldedId);
        assertThat(folded.getString("outcome")).isEqualTo("MERGED");
        assertThat(folded.getList("history.action")).containsExactly("OPENED", "MERGED");
        assertThat(alertsOf(customerId(survivor))).containsExactly((int) keptId);
    }

    @Test
    void anAnswerStillArrivingUnderTheMergedIdFeedsTheSurvivorsAlert() {
        String merged = uniqueEmail();
        String survivor = uniqueEmail();
        long id = awaitAlertWithTriggers(customerId(merged), 1, events, nps(merged, 3, "slow", T0));
        merges.send(CustomerMergeProducer.merge(customerId(merged), customerId(survivor)));
        awaitAlerts(customerId(survivor), List.of((int) id));

        ContactEvent late = nps(merged, 2, "still waiting", T0.plusSeconds(600));
        events.send(late);

        JsonPath alert = awaitAlertWithTriggersOf(id, 2);
        assertThat(alert.getList("triggers.eventId")).contains(late.eventId());
        assertThat(alertsOf(customerId(merged))).isEmpty();
        assertThat(alertsOf(customerId(survivor))).containsExactly((int) id);
    }

    @Test
    void aChainOfMergesEndsAtTheLastSurvivor() {
        String a = uniqueEmail();
        String b = uniqueEmail();
        String c = uniqueEmail();
        long id = awaitAlertWithTriggers(customerId(a), 1, events, nps(a, 3, "slow", T0));

        merges.send(CustomerMergeProducer.merge(customerId(a), customerId(b)));
        awaitAlerts(customerId(b), List.of((int) id));
        merges.send(CustomerMergeProducer.merge(customerId(b), customerId(c)));
        awaitAlerts(customerId(c), List.of((int) id));

        assertThat(alertsOf(customerId(a))).isEmpty();
        assertThat(alertsOf(customerId(b))).isEmpty();
        assertThat(detail(id).getList("history.action")).containsExactly("OPENED", "MERGED", "MERGED");
    }

    @Test
    void aMergeIntoACustomerThatWasMergedOnGoesToWhereItLivesNow() {
        String a = uniqueEmail();
        String b = uniqueEmail();
        String c = uniqueEmail();
        long bId = awaitAlertWithTriggers(customerId(b), 1, events, nps(b, 4, "meh", T0));
        long aId = awaitAlertWithTriggers(customerId(a), 1, events, nps(a, 2, "bad", T0.plusSeconds(60)));

        // A into B was merged first, but B into C is handled before A into B arrives (they are keyed
        // differently, so either order happens).
        CustomersMerged aIntoB = CustomerMergeProducer.merge(customerId(a), customerId(b), T0.plusSeconds(120));
        merges.send(CustomerMergeProducer.merge(customerId(b), customerId(c), T0.plusSeconds(180)));
        awaitAlerts(customerId(c), List.of((int) bId));
        merges.send(aIntoB);

        JsonPath kept = awaitAlertWithTriggersOf(bId, 2);
        assertThat(kept.getString("customerId")).isEqualTo(customerId(c));
        assertThat(alertsOf(customerId(b))).isEmpty();
        JsonPath folded = detail(aId);
        assertThat(folded.getString("outcome")).isEqualTo("MERGED");
        assertThat(folded.getString("resolutionNote")).endsWith("of customer " + customerId(c));
        assertThat(folded.getString("history[1].detail")).contains(customerId(b) + " lives on as " + customerId(c));
    }

    @Test
    void aMergedIdThatLivesAgainKeepsWhatArrivesUnderItFromThenOn() {
        String a = uniqueEmail();
        String b = uniqueEmail();
        long moved = awaitAlertWithTriggers(customerId(a), 1, events, nps(a, 3, "slow", T0));
        merges.send(CustomerMergeProducer.merge(customerId(a), customerId(b), T0.plusSeconds(60)));
        awaitAlerts(customerId(b), List.of((int) moved));

        // profile-service split A off again: a merge of A into itself.
        merges.send(CustomerMergeProducer.merge(customerId(a), customerId(a), T0.plusSeconds(120)));
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("omnipulse_alerting_merges_total", "outcome=\"revived\"") >= 1);
        long own = awaitAlertWithTriggers(customerId(a), 1, events, nps(a, 1, "still broken", T0.plusSeconds(180)));

        assertThat(own).isNotEqualTo(moved);
        assertThat(alertsOf(customerId(a))).containsExactly((int) own);
        assertThat(alertsOf(customerId(b))).containsExactly((int) moved);
    }

    @Test
    void aMergeBackIntoAnIdThatLivesAgainFormsNoCycleWhateverArrivesFirst() {
        String a = uniqueEmail();
        String b = uniqueEmail();
        long aAlert = awaitAlertWithTriggers(customerId(a), 1, events, nps(a, 3, "slow", T0));
        merges.send(CustomerMergeProducer.merge(customerId(a), customerId(b), T0.plusSeconds(60)));
        awaitAlerts(customerId(b), List.of((int) aAlert));

        // Later B merges back into A; the word that A lives again is keyed by A and arrives after it.
        merges.send(CustomerMergeProducer.merge(customerId(b), customerId(a), T0.plusSeconds(180)));
        awaitAlerts(customerId(a), List.of((int) aAlert));
        merges.send(CustomerMergeProducer.merge(customerId(a), customerId(a), T0.plusSeconds(120)));

        // Answers under either id now land on A, the live customer, and nothing points in a circle.
        events.send(customerId(b), nps(b, 2, "again", T0.plusSeconds(240)));
        JsonPath kept = awaitAlertWithTriggersOf(aAlert, 2);
        assertThat(kept.getString("customerId")).isEqualTo(customerId(a));
        events.send(customerId(a), nps(a, 2, "and again", T0.plusSeconds(300)));
        awaitAlertWithTriggersOf(aAlert, 3);
        assertThat(alertsOf(customerId(b))).isEmpty();
        assertThat(em.createNativeQuery("select count(*) from customer_merge where merged_id = survivor_id")
                .getSingleResult()).isEqualTo(0L);
    }

    @Test
    void aFoldedAlertCountsNeitherAsContactedNorAsDueInTheClosedLoopKpis() {
        String merged = uniqueEmail();
        String survivor = uniqueEmail();
        long keptId = awaitAlertWithTriggers(customerId(survivor), 1, events, nps(survivor, 4, "meh", T0));
        long foldedId = awaitAlertWithTriggers(customerId(merged), 1, events, nps(merged, 2, "bad", T0));
        JsonPath before = stats();

        merges.send(CustomerMergeProducer.merge(customerId(merged), customerId(survivor)));
        awaitAlertWithTriggersOf(keptId, 2);
        // The folded alert is old enough to be due, had it been a follow-up of its own.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update alert set created_at = created_at - interval '3 days' where id = ?1")
                .setParameter(1, foldedId).executeUpdate());
        post(keptId, "resolve", "{\"actor\":\"sam@example.com\",\"outcome\":\"contacted\"}").statusCode(200);

        JsonPath after = stats();
        assertThat(after.getLong("detractorsContactedWithin48h.contacted"))
                .isEqualTo(before.getLong("detractorsContactedWithin48h.contacted") + 1);
        assertThat(after.getLong("detractorsContactedWithin48h.counted"))
                .isEqualTo(before.getLong("detractorsContactedWithin48h.counted") + 1);
    }

    @Test
    void aPersonCannotCloseAnAlertAsMerged() {
        String email = uniqueEmail();
        long id = awaitAlertWithTriggers(customerId(email), 1, events, nps(email, 3, "slow", T0));

        post(id, "resolve", "{\"actor\":\"sam@example.com\",\"outcome\":\"merged\"}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("outcome"));
        assertThat(detail(id).getString("status")).isEqualTo("OPEN");
    }

    @Test
    void anUnreadableMergeIsSkippedAndCountedWithoutStoppingConsumption() {
        String merged = uniqueEmail();
        String survivor = uniqueEmail();
        long id = awaitAlertWithTriggers(customerId(merged), 1, events, nps(merged, 3, "slow", T0));

        merges.sendGarbage(customerId(merged), "{not json");
        // Same key, same partition: the merge is only reached if the garbage did not stop the channel.
        merges.send(CustomerMergeProducer.merge(customerId(merged), customerId(survivor)));

        awaitAlerts(customerId(survivor), List.of((int) id));
        assertThat(metric("omnipulse_alerting_merges_unreadable_total", "")).isGreaterThanOrEqualTo(1.0);
    }

    /** Sends the answer and waits for the customer's alert with {@code triggers} triggers; returns its id. */
    private static long awaitAlertWithTriggers(String customerId, int triggers, ResolvedEventProducer producer,
            ContactEvent answer) {
        producer.send(customerId, answer);
        return TestAlerts.awaitAlertWithTriggers(customerId, triggers).getLong("id");
    }

    private static JsonPath awaitAlertWithTriggersOf(long id, int triggers) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> detail(id), alert -> alert.getList("triggers").size() == triggers);
    }

    private static void awaitAlerts(String customerId, List<Integer> ids) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> alertsOf(customerId), ids::equals);
    }

    private static ContactEvent nps(String email, int score, String comment, Instant at) {
        return ResolvedEventProducer.nps(uniqueId(), email, score, comment, at);
    }

    private static Instant earlier(String a, String b) {
        Instant x = Instant.parse(a);
        Instant y = Instant.parse(b);
        return x.isBefore(y) ? x : y;
    }

    private static JsonPath stats() {
        return given().get("/v1/alerts/stats").then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse post(long id, String action, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/alerts/{id}/" + action, id).then();
    }

    /** The sum of a Prometheus metric's samples whose labels contain {@code label}. */
    private static double metric(String name, String label) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .filter(l -> l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}

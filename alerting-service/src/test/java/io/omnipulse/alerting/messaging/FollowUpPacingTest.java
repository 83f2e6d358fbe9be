package io.omnipulse.alerting.messaging;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.alerting.lifecycle.IntakeBacklog;
import io.omnipulse.alerting.persistence.OutboxEntry;
import io.omnipulse.alerting.persistence.OutboxRepository;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.AlertRaised;
import io.omnipulse.events.serde.EventJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While an incoming channel is behind (its last poll was full), the outbox relay takes one batch per
 * run and leaves the rest to its next run; once the channel caught up, a run relays all that is due.
 * The context enricher and the notification dispatcher pace themselves by the same test (IntakeBacklog).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestProfile(FollowUpPacingTest.RunByHand.class)
class FollowUpPacingTest {

    /** The follow-up workers run only when the test calls them. */
    public static class RunByHand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("omnipulse.alerting.outbox.every", "off", "omnipulse.alerting.context.every", "off",
                    "omnipulse.alerting.notify.every", "off");
        }
    }

    /** A channel of this test's own, so that the service's real consumers cannot change what it says. */
    private static final String CHANNEL = "pacing-test";
    private static final int ROWS = 2 * OutboxRelay.BATCH + 50;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxRepository outbox;

    @Inject
    IntakeBacklog backlog;

    @Test
    void theRelayTakesOneBatchPerRunWhileIntakeIsBehindAndAllOnceItCaughtUp() throws Exception {
        long firstAlert = -ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < ROWS; i++) {
                outbox.persist(row(firstAlert - i));
            }
        });

        // A consumer far behind: a full poll (the consumer's default max.poll.records) every 100 ms.
        ScheduledExecutorService consumer = Executors.newSingleThreadScheduledExecutor();
        try {
            consumer.scheduleAtFixedRate(() -> backlog.polled(CHANNEL, 500), 0, 100, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(10)).until(backlog::behind);
            assertThat(intakeBehindGauge()).as("omnipulse_alerting_intake_behind").isGreaterThanOrEqualTo(1.0);
            relay.run();
        } finally {
            consumer.shutdownNow();
            consumer.awaitTermination(10, TimeUnit.SECONDS);
        }
        // Rows other tests left unsent go first (oldest first), so at most one batch of these was taken.
        assertThat(unsent(firstAlert)).as("unsent after a run while behind")
                .isGreaterThanOrEqualTo(ROWS - OutboxRelay.BATCH).isLessThan(ROWS + 1);

        backlog.polled(CHANNEL, 3);
        assertThat(backlog.behind()).isFalse();
        relay.run();
        assertThat(unsent(firstAlert)).as("unsent after a run once caught up").isZero();
    }

    private static double intakeBehindGauge() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("omnipulse_alerting_intake_behind "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private long unsent(long firstAlert) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count(
                "sentAt is null and alertId <= ?1 and alertId > ?2", firstAlert, firstAlert - ROWS));
    }

    private static OutboxEntry row(long alertId) {
        Instant now = Instant.now();
        AlertEvent event = new AlertRaised(alertId, "customer", "cus-pacing", "NPS_DETRACTOR", "HIGH", "team-a",
                "pacing test", "pacing-test", "event-" + alertId, now, now);
        OutboxEntry entry = new OutboxEntry();
        entry.alertId = alertId;
        entry.eventType = "raised";
        try {
            entry.payload = EventJson.mapper().writerFor(AlertEvent.class).writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entry.createdAt = now;
        return entry;
    }
}

package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.alerting.persistence.OutboxEntry;
import io.omnipulse.alerting.persistence.OutboxRepository;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.events.AlertEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row of the outbox that can never be published is parked; the rows after it still go out. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OutboxParkingTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Inject
    OutboxRepository outbox;

    @Test
    void aRowThatCannotBePublishedIsParkedAndLaterRowsAreStillRelayed() {
        // Written straight into the table, as a bug or a hand edit might: not an AlertEvent at all.
        long broken = QuarkusTransaction.requiringNew().call(() -> {
            OutboxEntry entry = new OutboxEntry();
            entry.alertId = -1;
            entry.eventType = "raised";
            entry.payload = "{not an alert event";
            entry.createdAt = Instant.now();
            outbox.persist(entry);
            return entry.id;
        });

        String email = uniqueEmail();
        try (ResolvedEventProducer events = new ResolvedEventProducer();
                AlertEventReader reader = new AlertEventReader()) {
            events.send(ResolvedEventProducer.nps(uniqueId(), email, 1, "worst ever", T0));
            long alertId = awaitAlertWithTriggers(customerId(email), 1).getLong("id");

            List<AlertEvent> relayed = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                    .until(() -> reader.eventsOf(alertId), e -> !e.isEmpty());
            assertThat(relayed.get(0).getClass().getSimpleName()).isEqualTo("AlertRaised");
        }

        OutboxEntry parked = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> outbox.findById(broken)),
                        row -> row.parkedAt != null);
        assertThat(parked.sentAt).isNull();
        assertThat(parked.attempts).isEqualTo(3);
        assertThat(parked.lastError).contains("SerializationException");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("omnipulse_alerting_outbox_parked_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum())
                .isGreaterThanOrEqualTo(1.0);
    }
}

package io.omnipulse.alerting.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertRepository;
import io.omnipulse.alerting.persistence.AlertTrigger;
import io.omnipulse.alerting.persistence.AlertTriggerRepository;
import io.omnipulse.alerting.persistence.TriggerContext;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The race a second consumer instance could cause, played against the real schema: the database
 * refuses the second write, and the consumer recognises the refusal as a conflict to retry.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SchemaConstraintsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Inject
    AlertRepository alerts;

    @Inject
    AlertTriggerRepository triggers;

    @Test
    void aSecondUnresolvedAlertForTheSameCustomerAndCauseIsAConflict() {
        String customer = "cus-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> alerts.persist(alert(customer)));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            alerts.persist(alert(customer));
            alerts.flush();
        })).satisfies(e -> assertThat(Conflicts.isConflict(e)).as("conflict: %s", e).isTrue());
    }

    @Test
    void aResolvedAlertMakesRoomForANewOne() {
        String customer = "cus-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Alert old = alert(customer);
            old.status = AlertStatus.RESOLVED;
            alerts.persist(old);
        });
        QuarkusTransaction.requiringNew().run(() -> alerts.persist(alert(customer)));

        long count = QuarkusTransaction.requiringNew().call(() -> alerts.count("customerId", customer));
        assertThat(count).isEqualTo(2);
    }

    @Test
    void theSameEventStoredTwiceIsAConflict() {
        String customer = "cus-" + UUID.randomUUID();
        TriggerContext event = context("evt-" + UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> {
            Alert alert = alert(customer);
            alerts.persist(alert);
            triggers.persist(AlertTrigger.of(alert, event, Instant.now()));
        });

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Alert alert = alerts.find("customerId", customer).firstResult();
            triggers.persist(AlertTrigger.of(alert, event, Instant.now()));
            triggers.flush();
        })).satisfies(e -> assertThat(Conflicts.isConflict(e)).as("conflict: %s", e).isTrue());
    }

    private static Alert alert(String customer) {
        return Alert.open(customer, AlertCause.DETRACTOR, AlertSeverity.HIGH, context("evt-" + UUID.randomUUID()),
                Instant.now());
    }

    private static TriggerContext context(String eventId) {
        return new TriggerContext("survey-tool", eventId, T0, "email", "billing", "agent-7", "conv-1", 5, "meh", null);
    }
}

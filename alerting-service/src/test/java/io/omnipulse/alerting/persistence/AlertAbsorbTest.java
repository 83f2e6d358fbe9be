package io.omnipulse.alerting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertSeverity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Folding a merged customer's alert into the survivor's: pure logic on the entity, no database. */
class AlertAbsorbTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void triggerCountsAddUpAndTheHigherSeverityWins() {
        Alert kept = alert("survivor", AlertSeverity.HIGH, T0, 2);
        Alert merged = alert("merged", AlertSeverity.CRITICAL, T0.minusSeconds(60), 3);

        kept.absorb(merged);

        assertThat(kept.triggerCount).isEqualTo(5);
        assertThat(kept.severity).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(kept.customerId).isEqualTo("survivor");
    }

    @Test
    void aLessSevereMergedAlertNeverLowersTheSeverity() {
        Alert kept = alert("survivor", AlertSeverity.CRITICAL, T0, 1);

        kept.absorb(alert("merged", AlertSeverity.MEDIUM, T0, 1));

        assertThat(kept.severity).isEqualTo(AlertSeverity.CRITICAL);
    }

    @Test
    void theContextFollowsTheLaterTrigger() {
        Alert kept = alert("survivor", AlertSeverity.HIGH, T0, 1);
        Alert merged = alert("merged", AlertSeverity.HIGH, T0.plusSeconds(3600), 1);
        merged.ratedAt = T0.plusSeconds(3000);

        kept.absorb(merged);

        assertThat(kept.lastTriggeredAt).isEqualTo(T0.plusSeconds(3600));
        assertThat(kept.comment).isEqualTo("comment of merged");
        assertThat(kept.team).isEqualTo("team of merged");
        assertThat(kept.reason).isEqualTo("reason of merged");
        assertThat(kept.ratedAt).isEqualTo(T0.plusSeconds(3000));
        assertThat(kept.openedAt).isEqualTo(T0);
    }

    @Test
    void anOlderMergedAlertKeepsTheSurvivorsContextButGivesItsEarlierStart() {
        Alert kept = alert("survivor", AlertSeverity.HIGH, T0, 1);
        Alert merged = alert("merged", AlertSeverity.HIGH, T0.minusSeconds(7200), 1);

        kept.absorb(merged);

        assertThat(kept.lastTriggeredAt).isEqualTo(T0);
        assertThat(kept.comment).isEqualTo("comment of survivor");
        assertThat(kept.openedAt).isEqualTo(T0.minusSeconds(7200));
        assertThat(kept.createdAt).isEqualTo(merged.createdAt);
    }

    @Test
    void theEarlierDeadlinesHoldAndAnEscalationAlreadyMadeIsNotRepeated() {
        Alert kept = alert("survivor", AlertSeverity.HIGH, T0, 1);
        Alert merged = alert("merged", AlertSeverity.HIGH, T0.minusSeconds(7200), 1);
        merged.acknowledgeEscalated = true;
        merged.escalatedAt = T0.minusSeconds(100);

        kept.absorb(merged);

        assertThat(kept.acknowledgeDueAt).isEqualTo(merged.acknowledgeDueAt);
        assertThat(kept.resolveDueAt).isEqualTo(merged.resolveDueAt);
        assertThat(kept.acknowledgeBreached(merged.acknowledgeDueAt.plusSeconds(1))).isFalse();
        assertThat(kept.escalatedAt).isEqualTo(T0.minusSeconds(100));
        assertThat(kept.resolveEscalated).isFalse();
    }

    @Test
    void theSurvivorsAssigneeStaysAndAMissingOneIsTakenOver() {
        Alert kept = alert("survivor", AlertSeverity.HIGH, T0, 1);
        Alert merged = alert("merged", AlertSeverity.HIGH, T0, 1);
        merged.assignee = "sam@example.com";
        kept.absorb(merged);
        assertThat(kept.assignee).isEqualTo("sam@example.com");

        Alert owned = alert("survivor", AlertSeverity.HIGH, T0, 1);
        owned.assignee = "kim@example.com";
        owned.absorb(merged);
        assertThat(owned.assignee).isEqualTo("kim@example.com");
    }

    /** An alert as the writer leaves it: raised {@code triggered} plus one second, deadlines set. */
    private static Alert alert(String customer, AlertSeverity severity, Instant triggered, int triggers) {
        TriggerContext first = new TriggerContext("survey-tool", "evt-" + customer, triggered, "email",
                "team of " + customer, "agent of " + customer, "conv-" + customer, 2, "comment of " + customer, null);
        Alert alert = Alert.open(customer, AlertCause.DETRACTOR, severity, first, triggered.plusSeconds(1));
        alert.triggerCount = triggers;
        alert.reason = "reason of " + customer;
        alert.acknowledgeDueAt = alert.createdAt.plus(Duration.ofHours(1));
        alert.resolveDueAt = alert.createdAt.plus(Duration.ofHours(48));
        return alert;
    }
}

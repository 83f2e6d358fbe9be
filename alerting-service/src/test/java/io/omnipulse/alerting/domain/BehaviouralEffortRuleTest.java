package io.omnipulse.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.EffortIndexUpdated;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviouralEffortRuleTest {

    private final BehaviouralEffortRule rule = new BehaviouralEffortRule(70, 90);

    @Test
    void anIndexAboveTheThresholdOpensAnAlertNamingItsDrivers() {
        assertThat(rule.evaluate(index(71))).hasValueSatisfying(d -> {
            assertThat(d.cause()).isEqualTo(AlertCause.BEHAVIOURAL_EFFORT);
            assertThat(d.severity()).isEqualTo(AlertSeverity.MEDIUM);
            assertThat(d.reason()).contains("71").contains("3 contacts in 48 h");
        });
        assertThat(rule.evaluate(index(91))).map(AlertDecision::severity).contains(AlertSeverity.HIGH);
    }

    @Test
    void anIndexAtOrBelowTheThresholdOrOutOfRangeOpensNothing() {
        assertThat(rule.evaluate(index(70))).isEmpty();
        assertThat(rule.evaluate(index(10))).isEmpty();
        assertThat(rule.evaluate(index(101))).isEmpty();
        assertThat(rule.evaluate(new EffortIndexUpdated(null, 99, List.of(), Instant.now()))).isEmpty();
        assertThat(rule.evaluate(null)).isEmpty();
    }

    @Test
    void thresholdsComeFromConfiguration() {
        assertThat(new BehaviouralEffortRule(50, 60).evaluate(index(55))).isPresent();
        assertThatThrownBy(() -> new BehaviouralEffortRule(80, 70)).isInstanceOf(IllegalArgumentException.class);
    }

    private static EffortIndexUpdated index(int value) {
        return new EffortIndexUpdated("cus-1", value, List.of("3 contacts in 48 h", "2 transfers"),
                Instant.parse("2026-01-05T10:00:00Z"));
    }
}

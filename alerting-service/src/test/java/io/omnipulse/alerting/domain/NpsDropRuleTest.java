package io.omnipulse.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NpsDropRuleTest {

    private final NpsDropRule rule = new NpsDropRule(10, 20, 30);

    @Test
    void aSevenDayNpsTenPointsBelowItsThirtyDayValueIsADrop() {
        assertThat(rule.evaluate(new NpsWindow(40, 20.0), new NpsWindow(200, 30.0))).hasValueSatisfying(d -> {
            assertThat(d.cause()).isEqualTo(AlertCause.NPS_DROP);
            assertThat(d.severity()).isEqualTo(AlertSeverity.HIGH);
            assertThat(d.reason()).contains("7d 20.0 (n=40)").contains("30d 30.0 (n=200)");
        });
    }

    @Test
    void aDropOfTwentyPointsIsCritical() {
        assertThat(rule.evaluate(new NpsWindow(40, 5.0), new NpsWindow(200, 25.0))).map(AlertDecision::severity)
                .contains(AlertSeverity.CRITICAL);
    }

    @Test
    void aSmallerDropOrARiseOpensNothing() {
        assertThat(rule.evaluate(new NpsWindow(40, 21.0), new NpsWindow(200, 30.0))).isEmpty();
        assertThat(rule.evaluate(new NpsWindow(40, 50.0), new NpsWindow(200, 30.0))).isEmpty();
    }

    @Test
    void bothWindowsNeedTheMinimumSample() {
        assertThat(rule.evaluate(new NpsWindow(2, -100.0), new NpsWindow(200, 30.0))).isEmpty();
        assertThat(rule.evaluate(new NpsWindow(40, -50.0), new NpsWindow(29, 30.0))).isEmpty();
        assertThat(rule.evaluate(new NpsWindow(30, 0.0), new NpsWindow(30, 30.0))).isPresent();
    }

    @Test
    void missingWindowsOrScoresOpenNothing() {
        assertThat(rule.evaluate(null, new NpsWindow(200, 30.0))).isEmpty();
        assertThat(rule.evaluate(new NpsWindow(40, null), new NpsWindow(200, 30.0))).isEmpty();
        assertThatThrownBy(() -> new NpsDropRule(0, 10, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NpsDropRule(10, 5, 30)).isInstanceOf(IllegalArgumentException.class);
    }
}

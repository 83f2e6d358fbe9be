package io.omnipulse.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LowSatisfactionRuleTest {

    private final LowSatisfactionRule rule = new LowSatisfactionRule(2, 1);

    @Test
    void csatOneIsCriticalAndTwoIsHigh() {
        assertThat(rule.evaluate(Feedback.answer(Metric.CSAT, 1, null))).map(AlertDecision::severity)
                .contains(AlertSeverity.CRITICAL);
        assertThat(rule.evaluate(Feedback.answer(Metric.CSAT, 2, null))).map(AlertDecision::severity)
                .contains(AlertSeverity.HIGH);
        assertThat(rule.evaluate(Feedback.answer(Metric.CSAT, 2, null))).map(AlertDecision::cause)
                .contains(AlertCause.LOW_SATISFACTION);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 0, 6})
    void neutralSatisfiedAndOutOfRangeAnswersOpenNothing(int score) {
        assertThat(rule.evaluate(Feedback.answer(Metric.CSAT, score, null))).isEmpty();
    }

    @Test
    void otherMetricsAndSkippedAnswersOpenNothing() {
        assertThat(rule.evaluate(Feedback.answer(Metric.NPS, 1, null))).isEmpty();
        assertThat(rule.evaluate(Feedback.answer(Metric.CSAT, null, null))).isEmpty();
        assertThatThrownBy(() -> new LowSatisfactionRule(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.omnipulse.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HighEffortRuleTest {

    private static final Scale CES_1 = new Scale(1, 5, false);
    private static final Scale CES_2 = new Scale(1, 7, true);

    private final HighEffortRule rule = new HighEffortRule(50, 20);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void ces2AnswersOneToThreeAreHighEffort(int score) {
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, score, CES_2))).map(AlertDecision::cause)
                .contains(AlertCause.HIGH_EFFORT);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 7})
    void ces2NeutralAndEasyAnswersOpenNothing(int score) {
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, score, CES_2))).isEmpty();
    }

    @Test
    void withoutAStatedScaleCesIsTheCes2Default() {
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, 3, null))).isPresent();
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, 4, null))).isEmpty();
    }

    @Test
    void ces1PointsTheOtherWayFiveIsTheHardest() {
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, 5, CES_1))).map(AlertDecision::severity)
                .contains(AlertSeverity.CRITICAL);
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, 4, CES_1))).map(AlertDecision::severity)
                .contains(AlertSeverity.HIGH);
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, 3, CES_1))).isEmpty();
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, 1, CES_1))).isEmpty();
    }

    @Test
    void theHardestCes2AnswersAreCritical() {
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, 1, CES_2))).map(AlertDecision::severity)
                .contains(AlertSeverity.CRITICAL);
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, 2, CES_2))).map(AlertDecision::severity)
                .contains(AlertSeverity.CRITICAL);
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, 3, CES_2))).map(AlertDecision::severity)
                .contains(AlertSeverity.HIGH);
    }

    @Test
    void easeIsLinearOverTheAnswersOwnScale() {
        assertThat(Ease.of(1, CES_2)).isEqualTo(0.0);
        assertThat(Ease.of(4, CES_2)).isEqualTo(50.0);
        assertThat(Ease.of(7, CES_2)).isEqualTo(100.0);
        assertThat(Ease.of(5, CES_1)).isEqualTo(0.0);
        assertThat(Ease.of(1, CES_1)).isEqualTo(100.0);
        assertThat(Ease.of(9, CES_2)).isNaN();
        assertThat(Ease.of(1, new Scale(3, 3, true))).isNaN();
    }

    @Test
    void scoresOutsideTheScaleSkippedAnswersAndOtherMetricsOpenNothing() {
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, 0, CES_2))).isEmpty();
        assertThat(rule.evaluate(Feedback.answer(Metric.CES, null, CES_2))).isEmpty();
        assertThat(rule.evaluate(Feedback.answer(Metric.NPS, 1, null))).isEmpty();
        assertThat(rule.evaluate(Feedback.answer(Metric.CSAT, 1, null))).isEmpty();
        assertThat(rule.evaluate(null)).isEmpty();
    }

    @Test
    void thresholdsComeFromConfiguration() {
        HighEffortRule strict = new HighEffortRule(60, 0);
        assertThat(strict.evaluate(Feedback.answer(Metric.CES, 4, CES_2))).map(AlertDecision::severity)
                .contains(AlertSeverity.HIGH);
        assertThatThrownBy(() -> new HighEffortRule(20, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}

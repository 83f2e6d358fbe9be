package io.omnipulse.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DetractorRuleTest {

    private final DetractorRule rule = new DetractorRule(6, 3);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void npsOfZeroToThreeIsACriticalDetractor(int score) {
        assertThat(rule.evaluate(feedback(Metric.NPS, score)))
                .map(d -> List.of(d.cause(), d.severity())).contains(List.of(AlertCause.DETRACTOR, AlertSeverity.CRITICAL));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6})
    void npsOfFourToSixIsAHighDetractor(int score) {
        assertThat(rule.evaluate(feedback(Metric.NPS, score)))
                .map(d -> List.of(d.cause(), d.severity())).contains(List.of(AlertCause.DETRACTOR, AlertSeverity.HIGH));
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 8, 9, 10})
    void passivesAndPromotersOpenNothing(int score) {
        assertThat(rule.evaluate(feedback(Metric.NPS, score))).isEmpty();
    }

    @Test
    void aSkippedQuestionOpensNothing() {
        assertThat(rule.evaluate(feedback(Metric.NPS, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11})
    void aScoreOutsideTheNpsScaleIsNotADetractor(int score) {
        assertThat(rule.evaluate(feedback(Metric.NPS, score))).isEmpty();
    }

    @Test
    void lowScoresOnOtherMetricsAreNotNpsDetractors() {
        assertThat(rule.evaluate(feedback(Metric.CES, 1))).isEmpty();
        assertThat(rule.evaluate(feedback(Metric.CSAT, 1))).isEmpty();
    }

    @Test
    void interactionsOpenNothing() {
        ContactEvent interaction = new ContactEvent("e-1", "chat", EventType.INTERACTION, Channel.CHAT,
                Instant.parse("2026-01-05T10:00:00Z"), new CustomerIds(null, "ann@example.com", null, null, null),
                "conv-1", null, null, null, null, null);
        assertThat(rule.evaluate(interaction)).isEmpty();
        assertThat(rule.evaluate(null)).isEmpty();
    }

    @Test
    void thresholdsComeFromConfiguration() {
        DetractorRule strict = new DetractorRule(4, 1);
        assertThat(strict.evaluate(feedback(Metric.NPS, 5))).isEqualTo(Optional.empty());
        assertThat(strict.evaluate(feedback(Metric.NPS, 2))).map(AlertDecision::severity).contains(AlertSeverity.HIGH);
        assertThat(strict.evaluate(feedback(Metric.NPS, 1))).map(AlertDecision::severity)
                .contains(AlertSeverity.CRITICAL);
    }

    @Test
    void theReasonNamesTheScoreAndThreshold() {
        assertThat(rule.evaluate(feedback(Metric.NPS, 5))).map(AlertDecision::reason)
                .contains("detractor: NPS 5 of 10, at most 6");
    }

    @Test
    void aCriticalBandAboveTheDetractorBandIsRejected() {
        assertThatThrownBy(() -> new DetractorRule(3, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severityRanksCriticalAboveHigh() {
        assertThat(AlertSeverity.max(AlertSeverity.HIGH, AlertSeverity.CRITICAL)).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(AlertSeverity.max(AlertSeverity.CRITICAL, AlertSeverity.HIGH)).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(AlertSeverity.HIGH.isMoreSevereThan(AlertSeverity.CRITICAL)).isFalse();
        assertThat(AlertSeverity.MEDIUM.raised()).isEqualTo(AlertSeverity.HIGH);
        assertThat(AlertSeverity.HIGH.raised()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(AlertSeverity.CRITICAL.raised()).isEqualTo(AlertSeverity.CRITICAL);
    }

    private static ContactEvent feedback(Metric metric, Integer score) {
        return new ContactEvent("e-1", "survey", EventType.FEEDBACK, Channel.EMAIL,
                Instant.parse("2026-01-05T10:00:00Z"), new CustomerIds(null, "ann@example.com", null, null, null),
                "conv-1", "agent-7", "billing", null, new FeedbackDetails(metric, score, null, "slow", null), null);
    }
}

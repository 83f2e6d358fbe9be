package io.omnipulse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.problem.Problem.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventValidatorTest {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final CustomerIds ANN = new CustomerIds(null, "ann@example.com", null, null, null);

    final EventValidator validator = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(400), Duration.ofMinutes(5));

    static ContactEvent feedback(FeedbackDetails feedback) {
        return new ContactEvent("svy-1", "survey-tool", EventType.FEEDBACK, Channel.EMAIL, NOW.minusSeconds(60), ANN,
                "conv-1", null, null, null, feedback, null);
    }

    static ContactEvent interaction(InteractionDetails interaction) {
        return new ContactEvent("int-1", "crm", EventType.INTERACTION, Channel.CALL, NOW.minusSeconds(60), ANN,
                "conv-1", "agent-7", "billing", interaction, null, null);
    }

    static InteractionDetails details(Integer wait, Integer handle, Integer transfers) {
        return new InteractionDetails(Direction.INBOUND, InteractionStatus.OPEN, wait, handle, transfers, null, null);
    }

    List<String> fields(ContactEvent event) {
        return validator.validate(event).stream().map(FieldError::field).toList();
    }

    @Test
    void wellFormedInteractionAndDetractorFeedbackPass() {
        assertThat(validator.validate(interaction(details(30, 300, 1)))).isEmpty();
        assertThat(validator.validate(feedback(new FeedbackDetails(Metric.NPS, 3, null, "slow", "conv-0")))).isEmpty();
    }

    @Test
    void skippedQuestionIsValid() {
        assertThat(validator.validate(feedback(new FeedbackDetails(Metric.CSAT, null, null, null, null)))).isEmpty();
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        ContactEvent empty = new ContactEvent(" ", null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(empty)).containsExactly("eventId", "source", "type", "channel", "occurredAt", "customer");
    }

    @Test
    void customerNeedsAtLeastOneRealIdentifier() {
        ContactEvent blank = new ContactEvent("e", "s", EventType.INTERACTION, Channel.CHAT, NOW,
                new CustomerIds(" ", "", null, null, "  "), null, null, null, details(null, null, null), null, null);
        assertThat(validator.validate(blank)).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("customer"))
                .satisfies(e -> assertThat(e.message()).contains("identifier"));
    }

    @Test
    void overlongIdsAreRejected() {
        ContactEvent event = new ContactEvent("x".repeat(201), "s".repeat(101), EventType.INTERACTION, Channel.CHAT,
                NOW, ANN, null, null, null, details(null, null, null), null, null);
        assertThat(fields(event)).containsExactly("eventId", "source");
    }

    @Test
    void occurredAtMayRunAheadOnlyByTheSkew() {
        ContactEvent base = interaction(details(null, null, null));
        ContactEvent withinSkew = new ContactEvent("e", "s", base.type(), base.channel(), NOW.plusSeconds(299), ANN,
                null, null, null, base.interaction(), null, null);
        ContactEvent beyond = new ContactEvent("e", "s", base.type(), base.channel(), NOW.plusSeconds(301), ANN,
                null, null, null, base.interaction(), null, null);
        assertThat(validator.validate(withinSkew)).isEmpty();
        assertThat(fields(beyond)).containsExactly("occurredAt");
    }

    @Test
    void typeDecidesWhichDetailsAreRequired() {
        assertThat(fields(interaction(null))).containsExactly("interaction");
        assertThat(fields(feedback(null))).containsExactly("feedback");
        assertThat(fields(feedback(new FeedbackDetails(null, 5, null, null, null)))).containsExactly("feedback.metric");
    }

    @Test
    void scoresMustLieOnTheMetricsDefaultScale() {
        assertThat(fields(feedback(new FeedbackDetails(Metric.NPS, 11, null, null, null)))).containsExactly("feedback.score");
        assertThat(fields(feedback(new FeedbackDetails(Metric.NPS, 0, null, null, null)))).isEmpty();
        assertThat(fields(feedback(new FeedbackDetails(Metric.CSAT, 0, null, null, null)))).containsExactly("feedback.score");
        assertThat(fields(feedback(new FeedbackDetails(Metric.CES, 8, null, null, null)))).containsExactly("feedback.score");
        assertThat(fields(feedback(new FeedbackDetails(Metric.CES, 7, null, null, null)))).isEmpty();
    }

    @Test
    void cesMayStateItsOwnScaleAndIsCheckedAgainstIt() {
        Scale ces1 = new Scale(1, 5, false);
        assertThat(fields(feedback(new FeedbackDetails(Metric.CES, 5, ces1, null, null)))).isEmpty();
        assertThat(fields(feedback(new FeedbackDetails(Metric.CES, 6, ces1, null, null)))).containsExactly("feedback.score");
        assertThat(fields(feedback(new FeedbackDetails(Metric.CES, 3, new Scale(5, 5, true), null, null))))
                .containsExactly("feedback.scale");
        assertThat(fields(feedback(new FeedbackDetails(Metric.CES, 3, new Scale(1, null, true), null, null))))
                .containsExactly("feedback.scale");
    }

    @Test
    void npsAndCsatMustNotStateADifferentScale() {
        assertThat(fields(feedback(new FeedbackDetails(Metric.NPS, 5, new Scale(1, 10, true), null, null))))
                .containsExactly("feedback.scale");
        assertThat(fields(feedback(new FeedbackDetails(Metric.CSAT, 2, new Scale(1, 5, false), null, null))))
                .containsExactly("feedback.scale");
        assertThat(fields(feedback(new FeedbackDetails(Metric.CSAT, 4, new Scale(1, 5, true), null, null)))).isEmpty();
    }

    @Test
    void negativeDurationsAndTransfersAreRejected() {
        assertThat(fields(interaction(details(-1, -2, -3))))
                .containsExactly("interaction.waitSeconds", "interaction.handleSeconds", "interaction.transfers");
        assertThat(fields(interaction(details(0, 0, 0)))).isEmpty();
    }
}

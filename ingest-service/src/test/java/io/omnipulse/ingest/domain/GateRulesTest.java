package io.omnipulse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.FieldLimits;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.problem.Problem.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict-gate rules of EventValidator: event-time window, bounded numbers, CES scales, clean strings. */
class GateRulesTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final CustomerIds ANN = new CustomerIds(null, "ann@example.com", null, null, null);

    final EventValidator validator =
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(400), Duration.ofMinutes(5));

    static ContactEvent at(Instant occurredAt) {
        return new ContactEvent("e", "s", EventType.FEEDBACK, Channel.EMAIL, occurredAt, ANN, null, null, null, null,
                new FeedbackDetails(Metric.NPS, 9, null, null, null), null);
    }

    static ContactEvent interaction(Integer wait, Integer handle, Integer transfers) {
        return new ContactEvent("e", "s", EventType.INTERACTION, Channel.CALL, NOW, ANN, null, null, null,
                new InteractionDetails(null, null, wait, handle, transfers, null, null), null, null);
    }

    static ContactEvent ces(Integer score, Scale scale) {
        return new ContactEvent("e", "s", EventType.FEEDBACK, Channel.CHAT, NOW, ANN, null, null, null, null,
                new FeedbackDetails(Metric.CES, score, scale, null, null), null);
    }

    List<String> fields(ContactEvent event) {
        return validator.validate(event).stream().map(FieldError::field).toList();
    }

    @Test
    void occurredAtWindowIncludesBothEdges() {
        assertThat(fields(at(NOW.minus(Duration.ofDays(400))))).isEmpty();
        assertThat(fields(at(NOW.minus(Duration.ofDays(400)).minusMillis(1)))).containsExactly("occurredAt");
        assertThat(fields(at(NOW.plus(Duration.ofMinutes(5))))).isEmpty();
        assertThat(fields(at(NOW.plus(Duration.ofMinutes(5)).plusMillis(1)))).containsExactly("occurredAt");
    }

    @Test
    void occurredAtAtTheEndsOfTimeIsRefusedWithoutArithmeticErrors() {
        assertThat(fields(at(Instant.MIN))).containsExactly("occurredAt");
        assertThat(fields(at(Instant.MAX))).containsExactly("occurredAt");
        assertThat(fields(at(Instant.parse("-5000-01-01T00:00:00Z")))).containsExactly("occurredAt");
        assertThat(validator.validate(at(Instant.MIN)).get(0).message()).contains("400 days");
    }

    @Test
    void durationsAndTransfersAreBoundedOnBothSides() {
        assertThat(fields(interaction(FieldLimits.MAX_WAIT_SECONDS, FieldLimits.MAX_HANDLE_SECONDS,
                FieldLimits.MAX_TRANSFERS))).isEmpty();
        assertThat(fields(interaction(FieldLimits.MAX_WAIT_SECONDS + 1, FieldLimits.MAX_HANDLE_SECONDS + 1,
                FieldLimits.MAX_TRANSFERS + 1)))
                .containsExactly("interaction.waitSeconds", "interaction.handleSeconds", "interaction.transfers");
        assertThat(fields(interaction(Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE)))
                .containsExactly("interaction.waitSeconds", "interaction.handleSeconds", "interaction.transfers");
    }

    @Test
    void everyKnownCesScaleIsAcceptedInBothDirections() {
        for (Scale scale : FieldLimits.KNOWN_CES_SCALES) {
            assertThat(fields(ces(scale.min(), scale))).as("%s", scale).isEmpty();
            assertThat(fields(ces(scale.max(), scale))).as("%s", scale).isEmpty();
            assertThat(fields(ces(scale.max() + 1, scale))).as("%s", scale).containsExactly("feedback.score");
        }
    }

    @Test
    void customCesScalesAreBoundedBeforeAnyArithmetic() {
        assertThat(fields(ces(0, new Scale(0, 100, true)))).isEmpty();
        assertThat(fields(ces(1, new Scale(0, 2, false)))).isEmpty();
        assertThat(fields(ces(1, new Scale(0, 1, true)))).containsExactly("feedback.scale");
        assertThat(fields(ces(1, new Scale(-1, 5, true)))).containsExactly("feedback.scale.min");
        assertThat(fields(ces(1, new Scale(1, 101, true)))).containsExactly("feedback.scale.max");
        // Would overflow max - min if it were computed first.
        assertThat(fields(ces(1, new Scale(Integer.MIN_VALUE, Integer.MAX_VALUE, true))))
                .containsExactly("feedback.scale.min", "feedback.scale.max");
        assertThat(fields(ces(1, new Scale(7, 1, true)))).containsExactly("feedback.scale");
    }

    @Test
    void everyStringFieldOfTheEventIsCheckedWithItsOwnLimit() {
        String nul = "x\u0000";
        ContactEvent dirty = new ContactEvent(nul, nul, EventType.INTERACTION, Channel.CALL, NOW,
                new CustomerIds(nul, nul, nul, nul, nul), nul, nul, nul,
                new InteractionDetails(null, null, null, null, null, nul, nul), null, null);
        assertThat(fields(dirty)).containsExactly("eventId", "source", "customer.crmId", "customer.email",
                "customer.phone", "customer.handle", "customer.chatVisitorId", "conversationId", "agentId", "team",
                "interaction.subject", "interaction.text");
        ContactEvent dirtyFeedback = new ContactEvent("e", "s", EventType.FEEDBACK, Channel.EMAIL, NOW, ANN, null, null,
                null, null, new FeedbackDetails(Metric.NPS, 3, null, nul, nul), null);
        assertThat(fields(dirtyFeedback)).containsExactly("feedback.comment", "feedback.ratesConversationId");
    }

    @Test
    void messagesNeverQuoteTheValue() {
        String secret = "ann.private@example.com" + "x".repeat(300);
        ContactEvent event = new ContactEvent("e", "s", EventType.FEEDBACK, Channel.EMAIL, NOW,
                new CustomerIds(null, secret, null, null, null), null, null, null, null,
                new FeedbackDetails(Metric.NPS, 3, null, null, null), null);
        assertThat(validator.validate(event)).singleElement()
                .satisfies(e -> assertThat(e.message()).doesNotContain("ann.private"));
    }
}

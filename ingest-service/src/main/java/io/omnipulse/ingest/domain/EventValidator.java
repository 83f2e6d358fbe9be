package io.omnipulse.ingest.domain;

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
import java.util.List;

/**
 * The rules every event must pass before it reaches Kafka, whichever door it came in by. Returns
 * each broken rule as a JSON path relative to the event ({@code feedback.score}), never just the
 * first. Bounds come from {@link FieldLimits}; every number is range-checked before any arithmetic.
 */
public class EventValidator {

    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxFutureSkew;

    /**
     * @param maxAge        oldest occurredAt accepted, counted back from now
     * @param maxFutureSkew how far occurredAt may lie ahead of now (clock drift between systems)
     */
    public EventValidator(Clock clock, Duration maxAge, Duration maxFutureSkew) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxFutureSkew = maxFutureSkew;
    }

    public List<FieldError> validate(ContactEvent event) {
        FieldErrors errors = new FieldErrors();
        TextRules.requiredIdentifier(errors, "eventId", event.eventId(), FieldLimits.EVENT_ID);
        TextRules.requiredIdentifier(errors, "source", event.source(), FieldLimits.SOURCE);
        required(errors, "type", event.type());
        required(errors, "channel", event.channel());
        occurredAt(errors, event.occurredAt());
        customer(errors, event.customer());
        TextRules.identifier(errors, "conversationId", event.conversationId(), FieldLimits.ID);
        TextRules.identifier(errors, "agentId", event.agentId(), FieldLimits.ID);
        TextRules.identifier(errors, "team", event.team(), FieldLimits.TEAM);
        if (event.type() == EventType.INTERACTION && event.interaction() == null) {
            errors.add("interaction", "is required for type interaction");
        }
        if (event.type() == EventType.FEEDBACK && event.feedback() == null) {
            errors.add("feedback", "is required for type feedback");
        }
        if (event.interaction() != null) {
            interaction(errors, event.interaction());
        }
        if (event.feedback() != null) {
            feedback(errors, event.feedback());
        }
        return errors.list();
    }

    private void occurredAt(FieldErrors errors, Instant occurredAt) {
        Instant now = clock.instant();
        if (occurredAt == null) {
            errors.add("occurredAt", "is required (ISO-8601, e.g. 2025-03-01T10:15:30Z)");
        } else if (occurredAt.isAfter(now.plus(maxFutureSkew))) {
            errors.add("occurredAt", "lies more than " + maxFutureSkew.toSeconds() + " s in the future");
        } else if (occurredAt.isBefore(now.minus(maxAge))) {
            errors.add("occurredAt", "lies more than " + maxAge.toDays() + " days in the past");
        }
    }

    private static void customer(FieldErrors errors, CustomerIds customer) {
        if (customer == null) {
            errors.add("customer", "is required");
            return;
        }
        FieldErrors ids = new FieldErrors();
        TextRules.identifier(ids, "customer.crmId", customer.crmId(), FieldLimits.ID);
        TextRules.identifier(ids, "customer.email", customer.email(), FieldLimits.EMAIL);
        TextRules.identifier(ids, "customer.phone", customer.phone(), FieldLimits.PHONE);
        TextRules.identifier(ids, "customer.handle", customer.handle(), FieldLimits.HANDLE);
        TextRules.identifier(ids, "customer.chatVisitorId", customer.chatVisitorId(), FieldLimits.ID);
        if (!ids.isEmpty()) {
            errors.addAll("", ids.list());
        } else if (customer.isEmpty()) {
            // Only asked once every identifier is known to be clean: CustomerKeys normalises them.
            errors.add("customer", "needs at least one identifier: crmId, email, phone, handle or chatVisitorId");
        }
    }

    private static void interaction(FieldErrors errors, InteractionDetails interaction) {
        bounded(errors, "interaction.waitSeconds", interaction.waitSeconds(), FieldLimits.MAX_WAIT_SECONDS);
        bounded(errors, "interaction.handleSeconds", interaction.handleSeconds(), FieldLimits.MAX_HANDLE_SECONDS);
        bounded(errors, "interaction.transfers", interaction.transfers(), FieldLimits.MAX_TRANSFERS);
        TextRules.freeText(errors, "interaction.subject", interaction.subject(), FieldLimits.SUBJECT);
        TextRules.freeText(errors, "interaction.text", interaction.text(), FieldLimits.TEXT);
    }

    private static void feedback(FieldErrors errors, FeedbackDetails feedback) {
        TextRules.freeText(errors, "feedback.comment", feedback.comment(), FieldLimits.COMMENT);
        TextRules.identifier(errors, "feedback.ratesConversationId", feedback.ratesConversationId(), FieldLimits.ID);
        Metric metric = feedback.metric();
        if (metric == null) {
            errors.add("feedback.metric", "is required: nps, ces or csat");
            return;
        }
        Scale stated = feedback.scale();
        if (stated != null && !ScaleRules.check(errors, metric, stated)) {
            return;
        }
        Scale scale = feedback.effectiveScale();
        if (feedback.score() != null && !scale.contains(feedback.score())) {
            errors.add("feedback.score", "must lie within " + scale.min() + ".." + scale.max() + " for " + metric.wire());
        }
    }

    private static void required(FieldErrors errors, String field, Object value) {
        if (value == null) {
            errors.add(field, "is required");
        }
    }

    private static void bounded(FieldErrors errors, String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            errors.add(field, "must lie within 0.." + max);
        }
    }
}

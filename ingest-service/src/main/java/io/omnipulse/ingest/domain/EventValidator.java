package io.omnipulse.ingest.domain;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.problem.Problem.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The rules every event must pass before it reaches Kafka, whichever door it came in by. Returns
 * each broken rule as a JSON path relative to the event ({@code feedback.score}), never just the first.
 */
public class EventValidator {

    static final int MAX_EVENT_ID = 200;
    static final int MAX_SOURCE = 100;

    private final Clock clock;
    private final Duration maxFutureSkew;

    public EventValidator(Clock clock, Duration maxFutureSkew) {
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
    }

    public List<FieldError> validate(ContactEvent event) {
        FieldErrors errors = new FieldErrors();
        text(errors, "eventId", event.eventId(), MAX_EVENT_ID);
        text(errors, "source", event.source(), MAX_SOURCE);
        required(errors, "type", event.type());
        required(errors, "channel", event.channel());
        occurredAt(errors, event.occurredAt());
        if (event.customer() == null) {
            errors.add("customer", "is required");
        } else if (event.customer().isEmpty()) {
            errors.add("customer", "needs at least one identifier: crmId, email, phone, handle or chatVisitorId");
        }
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
        if (occurredAt == null) {
            errors.add("occurredAt", "is required (ISO-8601, e.g. 2025-03-01T10:15:30Z)");
        } else if (occurredAt.isAfter(clock.instant().plus(maxFutureSkew))) {
            errors.add("occurredAt", "lies more than " + maxFutureSkew.toSeconds() + " s in the future");
        }
    }

    private static void interaction(FieldErrors errors, InteractionDetails interaction) {
        notNegative(errors, "interaction.waitSeconds", interaction.waitSeconds());
        notNegative(errors, "interaction.handleSeconds", interaction.handleSeconds());
        notNegative(errors, "interaction.transfers", interaction.transfers());
    }

    private static void feedback(FieldErrors errors, FeedbackDetails feedback) {
        Metric metric = feedback.metric();
        if (metric == null) {
            errors.add("feedback.metric", "is required: nps, ces or csat");
            return;
        }
        Scale stated = feedback.scale();
        if (stated != null && !metric.allowsCustomScale()) {
            Scale fixed = metric.defaultScale();
            boolean differs = !Objects.equals(stated.min(), fixed.min()) || !Objects.equals(stated.max(), fixed.max())
                    || (stated.higherIsBetter() != null && !stated.higherIsBetter().equals(fixed.higherIsBetter()));
            if (differs) {
                errors.add("feedback.scale", metric.wire() + " always uses " + fixed.min() + ".." + fixed.max()
                        + ", higher is better; leave scale out");
                return;
            }
        }
        if (stated != null && metric.allowsCustomScale()) {
            if (stated.min() == null || stated.max() == null) {
                errors.add("feedback.scale", "needs both min and max");
                return;
            }
            if (stated.min() >= stated.max()) {
                errors.add("feedback.scale", "min must be less than max");
                return;
            }
        }
        Scale scale = feedback.effectiveScale();
        if (feedback.score() != null && !scale.contains(feedback.score())) {
            errors.add("feedback.score", "must lie within " + scale.min() + ".." + scale.max() + " for " + metric.wire());
        }
    }

    private static void text(FieldErrors errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required");
        } else if (value.length() > maxLength) {
            errors.add(field, "must be at most " + maxLength + " characters");
        }
    }

    private static void required(FieldErrors errors, String field, Object value) {
        if (value == null) {
            errors.add(field, "is required");
        }
    }

    private static void notNegative(FieldErrors errors, String field, Integer value) {
        if (value != null && value < 0) {
            errors.add(field, "must not be negative");
        }
    }
}

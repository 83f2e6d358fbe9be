package io.omnipulse.profile.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Scale;
import java.time.Instant;

/** One answered survey question, kept as the customer's latest NPS, CES or CSAT. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyAnswer(int score, Scale scale, String comment, Instant occurredAt, Channel channel,
        String eventId) {

    /** The answer carried by a feedback event; the caller checks that the question was answered. */
    public static SurveyAnswer of(ContactEvent event) {
        var feedback = event.feedback();
        return new SurveyAnswer(feedback.score(), feedback.effectiveScale(), feedback.comment(), event.occurredAt(),
                event.channel(), event.eventId());
    }

    /** Whether {@code candidate} replaces this one: latest in event time wins, ties go to the newcomer. */
    public boolean olderThanOrSameAs(SurveyAnswer candidate) {
        return !candidate.occurredAt().isBefore(occurredAt);
    }
}

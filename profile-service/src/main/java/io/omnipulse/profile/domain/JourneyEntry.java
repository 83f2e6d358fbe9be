package io.omnipulse.profile.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.EventType;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import java.time.Instant;
import java.util.regex.Pattern;

/** One step of the customer's journey: enough to read the story without fetching the event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyEntry(
        String eventId,
        String source,
        Instant occurredAt,
        Channel channel,
        EventType type,
        String conversationId,
        String agentId,
        String team,
        InteractionStatus status,
        Metric metric,
        Integer score,
        String summary) {

    /** Summaries are for a glance in a list; the full text stays with the event. */
    static final int SUMMARY_LENGTH = 80;
    // Compiled once: String.replaceAll compiles its pattern on every call, i.e. on every folded event.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public static JourneyEntry of(ContactEvent e) {
        var interaction = e.interaction();
        var feedback = e.feedback();
        return new JourneyEntry(e.eventId(), e.source(), e.occurredAt(), e.channel(), e.type(), e.conversationId(),
                e.agentId(), e.team(),
                interaction == null ? null : interaction.status(),
                feedback == null ? null : feedback.metric(),
                feedback == null ? null : feedback.score(),
                summary(e));
    }

    private static String summary(ContactEvent e) {
        if (e.feedback() != null) {
            var f = e.feedback();
            String metric = f.metric() == null ? "feedback" : f.metric().wire().toUpperCase(java.util.Locale.ROOT);
            String answer = f.score() == null ? metric + " skipped" : metric + " " + f.score();
            return shorten(f.comment() == null ? answer : answer + ": " + f.comment());
        }
        if (e.interaction() != null) {
            var i = e.interaction();
            String text = i.subject() != null ? i.subject() : i.text();
            if (text != null) {
                return shorten(text);
            }
            return i.status() == null ? null : i.status().wire();
        }
        return null;
    }

    private static String shorten(String text) {
        String flat = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        return flat.length() <= SUMMARY_LENGTH ? flat : flat.substring(0, SUMMARY_LENGTH - 1) + "\u2026";
    }
}

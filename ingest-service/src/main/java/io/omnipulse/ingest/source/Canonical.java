package io.omnipulse.ingest.source;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.FieldLimits;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import java.time.Instant;

/**
 * Builds the canonical events vendor mappings produce. A vendor event is one customer contact (an
 * interaction) or one survey answer (feedback); who, where and when are the same for both. Free text
 * longer than the canonical bounds is cut to them: a vendor retries what is refused, and a long e-mail
 * would be refused on every retry.
 *
 * @param eventId      the vendor's own id of the event: a retry carries the same one, so it is counted once
 * @param conversation the vendor's conversation (ticket, chat, contact), prefixed by the vendor
 */
public record Canonical(String source, String eventId, Channel channel, Instant occurredAt, CustomerIds customer,
        String conversation, String agentId, String team) {

    public ContactEvent interaction(Direction direction, InteractionStatus status, Integer waitSeconds,
            Integer handleSeconds, Integer transfers, String subject, String text) {
        return new ContactEvent(eventId, source, EventType.INTERACTION, channel, occurredAt, customer, conversation,
                agentId, team, new InteractionDetails(direction, status, waitSeconds, handleSeconds, transfers,
                        clip(subject, FieldLimits.SUBJECT), clip(text, FieldLimits.TEXT)), null, null);
    }

    /** An answer about {@code conversation}: it rates that contact, so its channel, agent and team. */
    public ContactEvent feedback(Metric metric, Integer score, String comment) {
        return new ContactEvent(eventId, source, EventType.FEEDBACK, channel, occurredAt, customer, conversation,
                agentId, team, null, new FeedbackDetails(metric, score, null, clip(comment, FieldLimits.COMMENT),
                conversation), null);
    }

    /** The first {@code max} code points of {@code text}. */
    static String clip(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }
}

package io.omnipulse.ingest.channel;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FieldLimits;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.ingest.domain.FieldErrors;
import io.omnipulse.ingest.domain.TextRules;
import java.util.Map;

/** An inbound e-mail becomes an open, inbound interaction of the sender's address. */
public class EmailAdapter implements ChannelAdapter<EmailMessage> {

    public static final String DEFAULT_SOURCE = "email-gateway";

    private static final Map<String, String> NATIVE = Map.of(
            "eventId", "messageId",
            "occurredAt", "receivedAt",
            "customer", "from",
            "customer.email", "from",
            "interaction.subject", "subject",
            "interaction.text", "text",
            "conversationId", "messageId");

    @Override
    public String namedSource(EmailMessage payload) {
        return Native.trimmedOr(payload.source(), null);
    }

    @Override
    public ContactEvent toEvent(EmailMessage m) {
        Native.requirePayload(m, "e-mail message");
        FieldErrors errors = new FieldErrors();
        TextRules.requiredIdentifier(errors, "messageId", m.messageId(), FieldLimits.ID);
        Native.requireTime(errors, "receivedAt", m.receivedAt());
        FieldErrors from = new FieldErrors();
        TextRules.requiredIdentifier(from, "from", m.from(), FieldLimits.SUBJECT);
        String address = from.isEmpty() ? address(m.from()) : null;
        if (from.isEmpty() && (address == null || !address.contains("@"))) {
            from.add("from", "must contain an e-mail address");
        }
        errors.addAll("", from.list());
        TextRules.identifier(errors, "source", m.source(), FieldLimits.SOURCE);
        TextRules.identifier(errors, "to", m.to(), FieldLimits.SUBJECT);
        TextRules.freeText(errors, "subject", m.subject(), FieldLimits.SUBJECT);
        TextRules.identifier(errors, "threadId", m.threadId(), FieldLimits.ID);
        TextRules.identifier(errors, "inReplyTo", m.inReplyTo(), FieldLimits.ID);
        TextRules.freeText(errors, "text", m.text(), FieldLimits.TEXT);
        TextRules.identifier(errors, "team", m.team(), FieldLimits.TEAM);
        TextRules.identifier(errors, "agentId", m.agentId(), FieldLimits.ID);
        errors.throwIfAny();

        String messageId = messageId(m.messageId());
        String conversation = firstOf(messageId(m.threadId()), messageId(m.inReplyTo()), messageId);
        return new ContactEvent("email:" + messageId, Native.trimmedOr(m.source(), DEFAULT_SOURCE),
                EventType.INTERACTION, Channel.EMAIL, m.receivedAt(),
                new CustomerIds(null, address, null, null, null), conversation,
                Native.trimmed(m.agentId()), Native.trimmed(m.team()),
                new InteractionDetails(Direction.INBOUND, InteractionStatus.OPEN, null, null, null,
                        m.subject(), m.text()),
                null, null);
    }

    @Override
    public Map<String, String> nativeFields() {
        return NATIVE;
    }

    /** The bare address of {@code Ann <ann@example.com>}; a value without angle brackets is taken as it is. */
    static String address(String from) {
        if (Native.blank(from)) {
            return null;
        }
        String value = from.trim();
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close).trim();
        }
        return value.isEmpty() ? null : value;
    }

    /**
     * Message-ID headers come as {@code <id@host>}; In-Reply-To repeats them. Dropping the brackets
     * everywhere keeps a reply's conversation id equal to its parent's.
     */
    static String messageId(String raw) {
        String value = Native.trimmed(raw);
        if (value != null && value.length() > 2 && value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1).trim();
        }
        return Native.trimmed(value);
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}

package io.omnipulse.ingest.channel;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.ingest.domain.FieldErrors;
import java.util.Map;

/** An inbound e-mail becomes an open, inbound interaction of the sender's address. */
public class EmailAdapter implements ChannelAdapter<EmailMessage> {

    public static final String DEFAULT_SOURCE = "email-gateway";

    private static final Map<String, String> NATIVE = Map.of(
            "eventId", "messageId",
            "occurredAt", "receivedAt",
            "customer", "from",
            "conversationId", "messageId");

    @Override
    public ContactEvent toEvent(EmailMessage m) {
        Native.requirePayload(m, "e-mail message");
        FieldErrors errors = new FieldErrors();
        Native.requireText(errors, "messageId", m.messageId());
        Native.requireTime(errors, "receivedAt", m.receivedAt());
        String address = address(m.from());
        if (Native.blank(m.from())) {
            errors.add("from", "is required");
        } else if (address == null || !address.contains("@")) {
            errors.add("from", "must contain an e-mail address");
        }
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

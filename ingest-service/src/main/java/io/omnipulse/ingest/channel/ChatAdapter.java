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

/** A chat session becomes an inbound interaction, resolved when the platform says so. */
public class ChatAdapter implements ChannelAdapter<ChatSession> {

    public static final String DEFAULT_SOURCE = "chat-platform";

    private static final Map<String, String> NATIVE = Map.of(
            "eventId", "sessionId",
            "conversationId", "sessionId",
            "occurredAt", "startedAt",
            "customer", "visitorId",
            "customer.chatVisitorId", "visitorId",
            "customer.email", "email",
            "interaction.waitSeconds", "waitSeconds",
            "interaction.handleSeconds", "endedAt",
            "interaction.text", "transcript");

    @Override
    public String namedSource(ChatSession payload) {
        return Native.trimmedOr(payload.source(), null);
    }

    @Override
    public ContactEvent toEvent(ChatSession s) {
        Native.requirePayload(s, "chat session");
        FieldErrors errors = new FieldErrors();
        TextRules.requiredIdentifier(errors, "sessionId", s.sessionId(), FieldLimits.ID);
        TextRules.identifier(errors, "source", s.source(), FieldLimits.SOURCE);
        TextRules.identifier(errors, "visitorId", s.visitorId(), FieldLimits.ID);
        TextRules.identifier(errors, "email", s.email(), FieldLimits.EMAIL);
        TextRules.identifier(errors, "agentId", s.agentId(), FieldLimits.ID);
        TextRules.identifier(errors, "team", s.team(), FieldLimits.TEAM);
        TextRules.freeText(errors, "transcript", s.transcript(), FieldLimits.TEXT);
        Native.requireTime(errors, "startedAt", s.startedAt());
        Native.notBefore(errors, "endedAt", s.endedAt(), "startedAt", s.startedAt());
        if (Native.blank(s.visitorId()) && Native.blank(s.email())) {
            errors.add("visitorId", "is required unless email is given");
        }
        errors.throwIfAny();

        String sessionId = s.sessionId().trim();
        return new ContactEvent("chat:" + sessionId, Native.trimmedOr(s.source(), DEFAULT_SOURCE),
                EventType.INTERACTION, Channel.CHAT, s.startedAt(),
                new CustomerIds(null, Native.trimmed(s.email()), null, null, Native.trimmed(s.visitorId())),
                sessionId, Native.trimmed(s.agentId()), Native.trimmed(s.team()),
                new InteractionDetails(Direction.INBOUND,
                        Boolean.TRUE.equals(s.resolved()) ? InteractionStatus.RESOLVED : InteractionStatus.OPEN,
                        s.waitSeconds(), handleSeconds(s), null, null, s.transcript()),
                null, null);
    }

    @Override
    public Map<String, String> nativeFields() {
        return NATIVE;
    }

    /** Session time minus the wait: the time an agent actually spent with the visitor. */
    static Integer handleSeconds(ChatSession s) {
        Integer session = Native.seconds(s.startedAt(), s.endedAt());
        if (session == null) {
            return null;
        }
        int wait = s.waitSeconds() == null || s.waitSeconds() < 0 ? 0 : s.waitSeconds();
        return Math.max(0, session - wait);
    }
}

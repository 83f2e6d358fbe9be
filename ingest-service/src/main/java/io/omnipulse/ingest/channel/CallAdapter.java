package io.omnipulse.ingest.channel;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FieldLimits;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.ingest.domain.FieldErrors;
import io.omnipulse.ingest.domain.TextRules;
import java.util.Locale;
import java.util.Map;

/** A call detail record becomes an inbound interaction with its wait, handle time and transfers. */
public class CallAdapter implements ChannelAdapter<CallRecord> {

    public static final String DEFAULT_SOURCE = "telephony";

    private static final Map<String, String> NATIVE = Map.of(
            "eventId", "callId",
            "conversationId", "callId",
            "occurredAt", "startedAt",
            "customer", "callerNumber",
            "customer.phone", "callerNumber",
            "team", "queue",
            "interaction.transfers", "transfers",
            "interaction.waitSeconds", "answeredAt",
            "interaction.handleSeconds", "endedAt");

    @Override
    public String namedSource(CallRecord payload) {
        return Native.trimmedOr(payload.source(), null);
    }

    @Override
    public ContactEvent toEvent(CallRecord c) {
        Native.requirePayload(c, "call record");
        FieldErrors errors = new FieldErrors();
        TextRules.requiredIdentifier(errors, "callId", c.callId(), FieldLimits.ID);
        Native.requireTime(errors, "startedAt", c.startedAt());
        TextRules.identifier(errors, "source", c.source(), FieldLimits.SOURCE);
        TextRules.identifier(errors, "queue", c.queue(), FieldLimits.TEAM);
        TextRules.identifier(errors, "agentId", c.agentId(), FieldLimits.ID);
        TextRules.identifier(errors, "disposition", c.disposition(), FieldLimits.KEYWORD);
        FieldErrors caller = new FieldErrors();
        TextRules.requiredIdentifier(caller, "callerNumber", c.callerNumber(), FieldLimits.PHONE);
        if (caller.isEmpty() && CustomerKeys.phone(c.callerNumber()) == null) {
            caller.add("callerNumber", "must contain digits; a withheld number names no customer");
        }
        errors.addAll("", caller.list());
        Native.notBefore(errors, "answeredAt", c.answeredAt(), "startedAt", c.startedAt());
        Native.notBefore(errors, "endedAt", c.endedAt(), c.answeredAt() != null ? "answeredAt" : "startedAt",
                c.answeredAt() != null ? c.answeredAt() : c.startedAt());
        errors.throwIfAny();

        String callId = c.callId().trim();
        return new ContactEvent("call:" + callId, Native.trimmedOr(c.source(), DEFAULT_SOURCE),
                EventType.INTERACTION, Channel.CALL, c.startedAt(),
                new CustomerIds(null, null, c.callerNumber().trim(), null, null), callId,
                Native.trimmed(c.agentId()), Native.trimmed(c.queue()),
                new InteractionDetails(Direction.INBOUND, status(c.disposition()), waitSeconds(c),
                        Native.seconds(c.answeredAt(), c.endedAt()), c.transfers(), null, null),
                null, null);
    }

    @Override
    public Map<String, String> nativeFields() {
        return NATIVE;
    }

    /** Ringing until pick-up; a caller who was never answered waited until hanging up. */
    static Integer waitSeconds(CallRecord c) {
        return c.answeredAt() != null ? Native.seconds(c.startedAt(), c.answeredAt())
                : Native.seconds(c.startedAt(), c.endedAt());
    }

    static InteractionStatus status(String disposition) {
        String value = Native.trimmedOr(disposition, "").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "abandoned" -> InteractionStatus.ABANDONED;
            case "transferred" -> InteractionStatus.TRANSFERRED;
            case "resolved" -> InteractionStatus.RESOLVED;
            default -> InteractionStatus.OPEN;
        };
    }
}

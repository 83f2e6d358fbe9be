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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A social post becomes an inbound interaction of {@code platform:handle}. The contract has no
 * visibility field, so it travels in the subject ("public twitter post"), where a lead sees it.
 */
public class SocialAdapter implements ChannelAdapter<SocialPost> {

    public static final String DEFAULT_SOURCE = "social-listening";
    static final Set<String> VISIBILITIES = Set.of("public", "private");

    private static final Map<String, String> NATIVE = Map.of(
            "eventId", "postId",
            "conversationId", "postId",
            "occurredAt", "postedAt",
            "customer", "handle",
            "customer.handle", "handle",
            "interaction.text", "text");

    @Override
    public String namedSource(SocialPost payload) {
        return Native.trimmedOr(payload.source(), null);
    }

    @Override
    public ContactEvent toEvent(SocialPost p) {
        Native.requirePayload(p, "social post");
        FieldErrors errors = new FieldErrors();
        TextRules.identifier(errors, "source", p.source(), FieldLimits.SOURCE);
        TextRules.requiredIdentifier(errors, "platform", p.platform(), FieldLimits.PLATFORM);
        TextRules.requiredIdentifier(errors, "handle", p.handle(), FieldLimits.SOCIAL_HANDLE);
        TextRules.requiredIdentifier(errors, "postId", p.postId(), FieldLimits.ID);
        TextRules.freeText(errors, "text", p.text(), FieldLimits.TEXT);
        TextRules.identifier(errors, "visibility", p.visibility(), FieldLimits.KEYWORD);
        TextRules.identifier(errors, "agentId", p.agentId(), FieldLimits.ID);
        TextRules.identifier(errors, "team", p.team(), FieldLimits.TEAM);
        Native.requireTime(errors, "postedAt", p.postedAt());
        String visibility = Native.trimmedOr(p.visibility(), "public").toLowerCase(Locale.ROOT);
        if (!VISIBILITIES.contains(visibility)) {
            errors.add("visibility", "must be public or private");
        }
        String handle = handle(p.handle());
        if (!Native.blank(p.handle()) && handle == null) {
            errors.add("handle", "must contain more than '@'");
        }
        errors.throwIfAny();

        String platform = p.platform().trim().toLowerCase(Locale.ROOT);
        String postId = p.postId().trim();
        String subject = visibility + " " + platform + ("public".equals(visibility) ? " post" : " message");
        return new ContactEvent("social:" + platform + ":" + postId, Native.trimmedOr(p.source(), DEFAULT_SOURCE),
                EventType.INTERACTION, Channel.SOCIAL, p.postedAt(),
                new CustomerIds(null, null, null, platform + ":" + handle, null), postId,
                Native.trimmed(p.agentId()), Native.trimmed(p.team()),
                new InteractionDetails(Direction.INBOUND, InteractionStatus.OPEN, null, null, null, subject, p.text()),
                null, null);
    }

    @Override
    public Map<String, String> nativeFields() {
        return NATIVE;
    }

    /** {@code @Ann} and {@code Ann} are the same author; CustomerKeys lower-cases the rest. */
    static String handle(String raw) {
        String value = Native.trimmed(raw);
        if (value != null && value.startsWith("@")) {
            value = Native.trimmed(value.substring(1));
        }
        return value;
    }
}

package io.omnipulse.scoring.domain;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;

/** What scoring keeps of one interaction: where it happened, who handled it and how it went. */
public record InteractionRef(long at, String conversationId, Channel channel, String team, String agentId,
        InteractionStatus status, int transfers, int waitSeconds) {

    public static InteractionRef of(ContactEvent event) {
        InteractionDetails details = event.interaction();
        return new InteractionRef(event.occurredAt().toEpochMilli(), event.conversationId(), event.channel(),
                event.team(), event.agentId(), details == null ? null : details.status(),
                details == null || details.transfers() == null ? 0 : details.transfers(),
                details == null || details.waitSeconds() == null ? 0 : details.waitSeconds());
    }

    /** The feedback event as if given where this interaction happened: its channel, team and agent. */
    public ContactEvent attribute(ContactEvent feedback) {
        return new ContactEvent(feedback.eventId(), feedback.source(), feedback.type(), channel,
                feedback.occurredAt(), feedback.customer(), conversationId, agentId, team, feedback.interaction(),
                feedback.feedback(), feedback.ingestedAt());
    }
}

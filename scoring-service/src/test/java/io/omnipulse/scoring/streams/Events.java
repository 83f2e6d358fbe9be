package io.omnipulse.scoring.streams;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import java.time.Instant;

/** Test events as ingest-service would publish them. */
final class Events {

    static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
    static final Scale CES_1_0 = new Scale(1, 5, false);

    private Events() {
    }

    static CustomerIds customer(String email) {
        return new CustomerIds(null, email, null, null, null);
    }

    static ContactEvent feedback(String eventId, Channel channel, String email, Metric metric, Integer score,
            Scale scale) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, channel, T0, customer(email), null,
                null, null, null, new FeedbackDetails(metric, score, scale, null, null), null);
    }

    static ContactEvent feedback(String eventId, Channel channel, Metric metric, Integer score) {
        return feedback(eventId, channel, "ann@example.com", metric, score, null);
    }

    static ContactEvent interaction(String eventId, Channel channel) {
        return new ContactEvent(eventId, "helpdesk", EventType.INTERACTION, channel, T0, customer("ann@example.com"),
                null, null, null, new InteractionDetails(Direction.INBOUND, InteractionStatus.RESOLVED, 10, 60, 0,
                        "help", "text"), null, null);
    }

    /** A contact handled by a team and agent in a conversation. */
    static ContactEvent handled(String eventId, Channel channel, String email, Instant at, String conversationId,
            String team, String agentId, InteractionStatus status, int transfers, int waitSeconds) {
        return new ContactEvent(eventId, "helpdesk", EventType.INTERACTION, channel, at, customer(email),
                conversationId, agentId, team, new InteractionDetails(Direction.INBOUND, status, waitSeconds, 60,
                        transfers, "help", "text"), null, null);
    }

    /** A survey answer given at {@code at}, rating {@code ratesConversationId} when not null. */
    static ContactEvent answer(String eventId, Channel channel, String email, Instant at, Metric metric, int score,
            String ratesConversationId) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, channel, at, customer(email), null,
                null, null, null, new FeedbackDetails(metric, score, null, null, ratesConversationId), null);
    }

    /** The same event, happened at {@code at}. */
    static ContactEvent at(ContactEvent e, Instant at) {
        return new ContactEvent(e.eventId(), e.source(), e.type(), e.channel(), at, e.customer(), e.conversationId(),
                e.agentId(), e.team(), e.interaction(), e.feedback(), e.ingestedAt());
    }

    static String keyOf(ContactEvent event) {
        return CustomerKeys.customerId(event.customer());
    }
}

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

    static String keyOf(ContactEvent event) {
        return CustomerKeys.customerId(event.customer());
    }
}

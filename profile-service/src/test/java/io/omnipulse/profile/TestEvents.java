package io.omnipulse.profile;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import java.time.Instant;

/** Contact events for tests: one customer, Ann, who writes, calls and chats. */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    private TestEvents() {
    }

    /** Ann as her e-mail gateway sees her. */
    public static CustomerIds annByEmail() {
        return new CustomerIds(null, "ann@example.com", null, null, null);
    }

    /** Ann on the phone: the IVR knows her e-mail from the account and the caller id. */
    public static CustomerIds annByCall() {
        return new CustomerIds(null, "ann@example.com", "+44 20 7946 0958", null, null);
    }

    /** Ann in the web chat: logged in, with the widget's visitor id. */
    public static CustomerIds annByChat() {
        return new CustomerIds(null, "Ann@Example.com", null, null, "v-42");
    }

    public static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    public static ContactEvent interaction(String eventId, Channel channel, Instant occurredAt, CustomerIds who) {
        return new ContactEvent(eventId, "test-" + channel.wire(), EventType.INTERACTION, channel, occurredAt, who,
                "conv-" + eventId, "agent-7", "billing",
                new InteractionDetails(Direction.INBOUND, InteractionStatus.RESOLVED, 30, 300, 0,
                        "Invoice " + eventId + " is wrong", null),
                null, null);
    }

    public static ContactEvent feedback(String eventId, Channel channel, Instant occurredAt, CustomerIds who,
            Metric metric, Integer score, String comment) {
        return new ContactEvent(eventId, "test-survey", EventType.FEEDBACK, channel, occurredAt, who, null, "agent-7",
                "billing", null, new FeedbackDetails(metric, score, null, comment, null), null);
    }
}

package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Boxed.readBoolean;
import static io.omnipulse.scoring.streams.Boxed.readInteger;
import static io.omnipulse.scoring.streams.Boxed.writeBoolean;
import static io.omnipulse.scoring.streams.Boxed.writeInteger;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinaryWriter;

/**
 * A contact event and its parts in this service's binary formats (folds of redirected events,
 * remembered answers, the repartition by scope key). A nullable part has a presence byte first; its
 * fields follow in declaration order. Enums travel by their codes here (append only).
 */
final class EventCodec {

    static final EnumCodes<EventType> TYPES = new EnumCodes<>("event type", EventType.INTERACTION, EventType.FEEDBACK);
    static final EnumCodes<Channel> CHANNELS = new EnumCodes<>("channel", Channel.EMAIL, Channel.CHAT, Channel.SOCIAL,
            Channel.CALL);
    static final EnumCodes<Metric> METRICS = new EnumCodes<>("metric", Metric.NPS, Metric.CSAT, Metric.CES);
    static final EnumCodes<Direction> DIRECTIONS = new EnumCodes<>("direction", Direction.INBOUND, Direction.OUTBOUND);
    static final EnumCodes<InteractionStatus> STATUSES = new EnumCodes<>("interaction status", InteractionStatus.OPEN,
            InteractionStatus.RESOLVED, InteractionStatus.TRANSFERRED, InteractionStatus.ABANDONED);

    private EventCodec() {
    }

    static void writeEvent(BinaryWriter out, ContactEvent event) {
        out.bool(event != null);
        if (event == null) {
            return;
        }
        out.string(event.eventId()).string(event.source());
        TYPES.write(out, event.type());
        CHANNELS.write(out, event.channel());
        out.instant(event.occurredAt());
        writeCustomer(out, event.customer());
        out.string(event.conversationId()).string(event.agentId()).string(event.team());
        writeInteraction(out, event.interaction());
        writeFeedback(out, event.feedback());
        out.instant(event.ingestedAt());
    }

    static ContactEvent readEvent(BinaryReader in) {
        if (!in.bool()) {
            return null;
        }
        return new ContactEvent(in.string(), in.string(), TYPES.read(in), CHANNELS.read(in), in.instant(),
                readCustomer(in), in.string(), in.string(), in.string(), readInteraction(in), readFeedback(in),
                in.instant());
    }

    static void writeFeedback(BinaryWriter out, FeedbackDetails feedback) {
        out.bool(feedback != null);
        if (feedback == null) {
            return;
        }
        METRICS.write(out, feedback.metric());
        writeInteger(out, feedback.score());
        Scale scale = feedback.scale();
        out.bool(scale != null);
        if (scale != null) {
            writeInteger(out, scale.min());
            writeInteger(out, scale.max());
            writeBoolean(out, scale.higherIsBetter());
        }
        out.string(feedback.comment()).string(feedback.ratesConversationId());
    }

    static FeedbackDetails readFeedback(BinaryReader in) {
        if (!in.bool()) {
            return null;
        }
        Metric metric = METRICS.read(in);
        Integer score = readInteger(in);
        Scale scale = in.bool() ? new Scale(readInteger(in), readInteger(in), readBoolean(in)) : null;
        return new FeedbackDetails(metric, score, scale, in.string(), in.string());
    }

    private static void writeCustomer(BinaryWriter out, CustomerIds ids) {
        out.bool(ids != null);
        if (ids != null) {
            out.string(ids.crmId()).string(ids.email()).string(ids.phone()).string(ids.handle())
                    .string(ids.chatVisitorId());
        }
    }

    private static CustomerIds readCustomer(BinaryReader in) {
        return in.bool() ? new CustomerIds(in.string(), in.string(), in.string(), in.string(), in.string()) : null;
    }

    private static void writeInteraction(BinaryWriter out, InteractionDetails details) {
        out.bool(details != null);
        if (details == null) {
            return;
        }
        DIRECTIONS.write(out, details.direction());
        STATUSES.write(out, details.status());
        writeInteger(out, details.waitSeconds());
        writeInteger(out, details.handleSeconds());
        writeInteger(out, details.transfers());
        out.string(details.subject()).string(details.text());
    }

    private static InteractionDetails readInteraction(BinaryReader in) {
        if (!in.bool()) {
            return null;
        }
        return new InteractionDetails(DIRECTIONS.read(in), STATUSES.read(in), readInteger(in), readInteger(in),
                readInteger(in), in.string(), in.string());
    }
}

package io.omnipulse.streamsupport.binary;

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

/**
 * A {@link ContactEvent} inside a binary record of a streams service's own topic or store, where its
 * JSON (the public wire form, which stays JSON) cost more CPU than the work done with it. Every field
 * reads back exactly: null stays null, instants keep their nanoseconds.
 *
 * <p>Layout: presence byte, then eventId, source, type, channel, occurredAt, customer (presence byte,
 * crmId, email, phone, handle, chatVisitorId), conversationId, agentId, team, interaction (presence
 * byte, direction, status, waitSeconds, handleSeconds, transfers, subject, text), feedback (presence
 * byte, metric, score, scale, comment, ratesConversationId), ingestedAt. Enums as {@link EnumCodes}.
 * The layout has no version of its own: a change to it is a new version of every format that nests it.
 */
public final class ContactEventCodec {

    /** Append only: a code never changes meaning. */
    public static final EnumCodes<EventType> TYPES = EnumCodes.of(EventType.class,
            EventType.INTERACTION, EventType.FEEDBACK);
    public static final EnumCodes<Channel> CHANNELS = EnumCodes.of(Channel.class,
            Channel.EMAIL, Channel.CHAT, Channel.SOCIAL, Channel.CALL);
    public static final EnumCodes<Direction> DIRECTIONS = EnumCodes.of(Direction.class,
            Direction.INBOUND, Direction.OUTBOUND);
    public static final EnumCodes<InteractionStatus> STATUSES = EnumCodes.of(InteractionStatus.class,
            InteractionStatus.OPEN, InteractionStatus.RESOLVED, InteractionStatus.TRANSFERRED, InteractionStatus.ABANDONED);
    public static final EnumCodes<Metric> METRICS = EnumCodes.of(Metric.class, Metric.NPS, Metric.CES, Metric.CSAT);

    private ContactEventCodec() {
    }

    public static void write(BinaryWriter out, ContactEvent event) {
        if (event == null) {
            out.u8(0);
            return;
        }
        out.u8(1).string(event.eventId()).string(event.source());
        TYPES.write(out, event.type());
        CHANNELS.write(out, event.channel());
        out.instant(event.occurredAt());
        customer(out, event.customer());
        out.string(event.conversationId()).string(event.agentId()).string(event.team());
        interaction(out, event.interaction());
        feedback(out, event.feedback());
        out.instant(event.ingestedAt());
    }

    public static ContactEvent read(BinaryReader in) {
        return in.bool()
                ? new ContactEvent(in.string(), in.string(), TYPES.read(in), CHANNELS.read(in), in.instant(), customer(in),
                        in.string(), in.string(), in.string(), interaction(in), feedback(in), in.instant())
                : null;
    }

    /** A survey scale, also kept outside events (a profile's latest answers). */
    public static void scale(BinaryWriter out, Scale scale) {
        if (scale == null) {
            out.u8(0);
            return;
        }
        out.u8(1).nullableI32(scale.min()).nullableI32(scale.max()).nullableBool(scale.higherIsBetter());
    }

    public static Scale scale(BinaryReader in) {
        return in.bool() ? new Scale(in.nullableI32(), in.nullableI32(), in.nullableBool()) : null;
    }

    private static void customer(BinaryWriter out, CustomerIds ids) {
        if (ids == null) {
            out.u8(0);
            return;
        }
        out.u8(1).string(ids.crmId()).string(ids.email()).string(ids.phone()).string(ids.handle())
                .string(ids.chatVisitorId());
    }

    private static CustomerIds customer(BinaryReader in) {
        return in.bool() ? new CustomerIds(in.string(), in.string(), in.string(), in.string(), in.string()) : null;
    }

    private static void interaction(BinaryWriter out, InteractionDetails details) {
        if (details == null) {
            out.u8(0);
            return;
        }
        out.u8(1);
        DIRECTIONS.write(out, details.direction());
        STATUSES.write(out, details.status());
        out.nullableI32(details.waitSeconds()).nullableI32(details.handleSeconds()).nullableI32(details.transfers())
                .string(details.subject()).string(details.text());
    }

    private static InteractionDetails interaction(BinaryReader in) {
        return in.bool()
                ? new InteractionDetails(DIRECTIONS.read(in), STATUSES.read(in), in.nullableI32(), in.nullableI32(),
                        in.nullableI32(), in.string(), in.string())
                : null;
    }

    /** Survey feedback, also kept outside events (scoring's scope updates). */
    public static void feedback(BinaryWriter out, FeedbackDetails details) {
        if (details == null) {
            out.u8(0);
            return;
        }
        out.u8(1);
        METRICS.write(out, details.metric());
        out.nullableI32(details.score());
        scale(out, details.scale());
        out.string(details.comment()).string(details.ratesConversationId());
    }

    public static FeedbackDetails feedback(BinaryReader in) {
        return in.bool()
                ? new FeedbackDetails(METRICS.read(in), in.nullableI32(), scale(in), in.string(), in.string())
                : null;
    }
}

package io.omnipulse.ingest.source;

import static io.omnipulse.ingest.source.VendorJson.flag;
import static io.omnipulse.ingest.source.VendorJson.requiredIsoTime;
import static io.omnipulse.ingest.source.VendorJson.requiredText;
import static io.omnipulse.ingest.source.VendorJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Zendesk: ticket events of a webhook subscribed to {@code zen:event-type:ticket.*}, and satisfaction
 * ratings, which Zendesk has no event type for, from a webhook connected to a trigger ("Satisfaction
 * changed") with the JSON body given in the README. The requester is known to ticket events only by their
 * Zendesk user id: the customer's handle is {@code zendesk:<requester_id>}, and the rating, which also
 * carries the requester's e-mail, links that handle to the rest of the customer's profile.
 */
@ApplicationScoped
public class ZendeskSource implements VendorSource {

    static final String SIGNATURE = "X-Zendesk-Webhook-Signature";
    static final String TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp";
    static final String TICKET_CREATED = "zen:event-type:ticket.created";
    static final String COMMENT_ADDED = "zen:event-type:ticket.comment_added";
    static final String STATUS_CHANGED = "zen:event-type:ticket.status_changed";
    /** The type of the trigger body the README gives; Zendesk itself sends ratings to triggers only. */
    static final String SATISFACTION_RATED = "omnipulse:zendesk.satisfaction_rated";

    private static final Map<String, String> TICKET_FIELDS = Map.of(
            "eventId", "id",
            "occurredAt", "time",
            "customer", "detail.requester_id",
            "customer.handle", "detail.requester_id",
            "conversationId", "detail.id",
            "agentId", "detail.assignee_id",
            "team", "detail.group_id",
            "interaction.subject", "detail.subject",
            "interaction.text", "detail.description");
    private static final Map<String, String> RATING_FIELDS = Map.of(
            "eventId", "ticket_id",
            "occurredAt", "rated_at",
            "customer", "requester_id",
            "customer.handle", "requester_id",
            "customer.email", "requester_email",
            "conversationId", "ticket_id",
            "agentId", "assignee_id",
            "team", "group_id",
            "feedback.score", "rating",
            "feedback.comment", "comment");

    @Override
    public String name() {
        return "zendesk";
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    /** base64(HMAC-SHA256(secret, timestamp + body)), the timestamp within the tolerance of now. */
    @Override
    public void verify(WebhookRequest request, String secret, Clock clock, Duration tolerance) {
        String timestamp = request.header(TIMESTAMP);
        Signatures.requireFresh(TIMESTAMP, parseTime(timestamp), clock, tolerance);
        Signatures.requireEqual(SIGNATURE, request.header(SIGNATURE),
                Signatures.base64(Signatures.hmac(Signatures.SHA256, secret, Signatures.utf8(timestamp), request.body())));
    }

    @Override
    public SourceMapping map(JsonNode payload, WebhookRequest request) {
        String type = text(payload, "type");
        if (type == null) {
            throw InvalidRequestException.field("type", "is required: a zen:event-type:ticket.* event or the "
                    + "satisfaction trigger's body");
        }
        return switch (type) {
            case TICKET_CREATED -> ticketEvent(payload, Direction.INBOUND, InteractionStatus.OPEN,
                    text(payload, "detail.description"));
            case COMMENT_ADDED -> customerComment(payload, type);
            case STATUS_CHANGED -> solved(payload, type);
            case SATISFACTION_RATED -> rating(payload);
            default -> SourceMapping.ignoring(type, SourceMapping.REASON_UNMAPPED_TYPE);
        };
    }

    /** A public comment by the requester is the customer writing again; agents' comments and notes are not contacts. */
    private SourceMapping customerComment(JsonNode payload, String type) {
        boolean byCustomer = !flag(payload, "event.comment.author.is_staff") && flag(payload, "event.comment.is_public");
        return byCustomer ? ticketEvent(payload, Direction.INBOUND, InteractionStatus.OPEN, text(payload, "event.comment.body"))
                : SourceMapping.ignoring(type, SourceMapping.REASON_NOT_A_CONTACT);
    }

    /** The agent's resolution; the other statuses in between are no contact. */
    private SourceMapping solved(JsonNode payload, String type) {
        String current = text(payload, "event.current");
        return current != null && current.equalsIgnoreCase("solved")
                ? ticketEvent(payload, Direction.OUTBOUND, InteractionStatus.RESOLVED, null)
                : SourceMapping.ignoring(type, SourceMapping.REASON_NOT_A_CONTACT);
    }

    private SourceMapping ticketEvent(JsonNode payload, Direction direction, InteractionStatus status, String text) {
        String ticket = requiredText(payload, "detail.id");
        Canonical c = new Canonical(name(), "zendesk:" + requiredText(payload, "id"),
                channel(text(payload, "detail.via.channel")), requiredIsoTime(payload, "time"),
                requester(text(payload, "detail.requester_id"), null), "zendesk-ticket-" + ticket,
                text(payload, "detail.assignee_id"), text(payload, "detail.group_id"));
        return SourceMapping.of(c.interaction(direction, status, null, null, null, text(payload, "detail.subject"), text),
                TICKET_FIELDS);
    }

    /**
     * A rating as the README's trigger body sends it: {@code good} is CSAT 5 and {@code bad} CSAT 1 (on a
     * two-point survey only the split between satisfied and not is known, and that is what CSAT counts); a
     * 1..5 answer of Zendesk's newer surveys is taken as it is. One rating per ticket and value.
     */
    private SourceMapping rating(JsonNode payload) {
        String ticket = requiredText(payload, "ticket_id");
        String rating = requiredText(payload, "rating").toLowerCase(Locale.ROOT);
        Integer score = switch (rating) {
            case "good" -> 5;
            case "bad" -> 1;
            case "1", "2", "3", "4", "5" -> Integer.valueOf(rating);
            default -> null;
        };
        if (score == null) {
            if (rating.equals("offered") || rating.equals("unoffered")) {
                return SourceMapping.ignoring(SATISFACTION_RATED + " (" + rating + ")", SourceMapping.REASON_NOT_A_CONTACT);
            }
            throw InvalidRequestException.field("rating", "must be good, bad or 1..5");
        }
        Canonical c = new Canonical(name(), "zendesk:satisfaction:" + ticket + ":" + rating,
                channel(text(payload, "channel")), requiredIsoTime(payload, "rated_at"),
                requester(text(payload, "requester_id"), text(payload, "requester_email")), "zendesk-ticket-" + ticket,
                text(payload, "assignee_id"), text(payload, "group_id"));
        return SourceMapping.of(c.feedback(Metric.CSAT, score, text(payload, "comment")), RATING_FIELDS);
    }

    private static CustomerIds requester(String requesterId, String email) {
        return new CustomerIds(null, email, null, requesterId == null ? null : "zendesk:" + requesterId, null);
    }

    /** Zendesk's via.channel; a ticket from a form, the API or an unknown channel is a written message: email. */
    static Channel channel(String via) {
        if (via == null) {
            return Channel.EMAIL;
        }
        String v = via.toLowerCase(Locale.ROOT);
        if (v.equals("voice") || v.equals("phone") || v.startsWith("voicemail") || v.equals("phone_call_inbound")) {
            return Channel.CALL;
        }
        if (v.equals("chat") || v.contains("messaging") || v.startsWith("sunshine") || v.equals("whatsapp")
                || v.equals("sms") || v.equals("line") || v.equals("wechat")) {
            return Channel.CHAT;
        }
        if (v.startsWith("twitter") || v.startsWith("facebook") || v.startsWith("instagram") || v.startsWith("x_")) {
            return Channel.SOCIAL;
        }
        return Channel.EMAIL;
    }

    private static Instant parseTime(String timestamp) {
        try {
            return timestamp == null ? null : OffsetDateTime.parse(timestamp.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

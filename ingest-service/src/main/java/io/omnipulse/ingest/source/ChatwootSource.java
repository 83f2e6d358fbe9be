package io.omnipulse.ingest.source;

import static io.omnipulse.ingest.source.VendorJson.integer;
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
import java.util.Map;

/**
 * Chatwoot (account webhooks). A conversation is one contact: {@code conversation_created} opens it, a
 * status change to resolved closes it, and one back to open is the customer returning. The messages of a
 * live chat are that one contact, not one each; only an incoming message of an e-mail inbox is a contact of
 * its own, as an e-mail would be. The CSAT answer arrives as {@code message_updated} of the survey message
 * ({@code content_type: input_csat}). Chatwoot payloads carry no event id, so each event's id is built from
 * what identifies it (conversation, message, status and time): a retry of the same event gets the same one.
 */
@ApplicationScoped
public class ChatwootSource implements VendorSource {

    static final String SIGNATURE = "X-Chatwoot-Signature";
    static final String TIMESTAMP = "X-Chatwoot-Timestamp";

    /** Where each canonical field comes from in a conversation event ({@code conversation_*}). */
    private static final Map<String, String> CONVERSATION_FIELDS = Map.of(
            "occurredAt", "timestamp",
            "customer", "meta.sender",
            "customer.email", "meta.sender.email",
            "customer.phone", "meta.sender.phone_number",
            "customer.chatVisitorId", "meta.sender.id",
            "conversationId", "id",
            "agentId", "meta.assignee.id",
            "team", "meta.team.name");
    /** The same for a message event, whose conversation sits below {@code conversation}. */
    private static final Map<String, String> MESSAGE_FIELDS = Map.of(
            "occurredAt", "created_at",
            "customer", "conversation.meta.sender",
            "customer.email", "conversation.meta.sender.email",
            "customer.phone", "conversation.meta.sender.phone_number",
            "customer.chatVisitorId", "conversation.meta.sender.id",
            "conversationId", "conversation.id",
            "agentId", "conversation.meta.assignee.id",
            "team", "conversation.meta.team.name",
            "interaction.text", "content",
            "feedback.comment", "content_attributes.submitted_values.csat_survey_response.feedback_message");

    @Override
    public String name() {
        return "chatwoot";
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    /** {@code sha256=} hex HMAC-SHA256(secret, timestamp + "." + body), the timestamp (epoch s) within the tolerance. */
    @Override
    public void verify(WebhookRequest request, String secret, Clock clock, Duration tolerance) {
        String timestamp = request.header(TIMESTAMP);
        Signatures.requireFresh(TIMESTAMP, epoch(timestamp), clock, tolerance);
        Signatures.requireEqual(SIGNATURE, request.header(SIGNATURE), "sha256=" + Signatures.hex(Signatures.hmac(
                Signatures.SHA256, secret, Signatures.utf8(timestamp + "."), request.body())));
    }

    @Override
    public SourceMapping map(JsonNode payload, WebhookRequest request) {
        String event = text(payload, "event");
        if (event == null) {
            throw InvalidRequestException.field("event", "is required: Chatwoot names every webhook's event");
        }
        return switch (event) {
            case "conversation_created" -> conversation(payload, "opened", Direction.INBOUND, InteractionStatus.OPEN);
            case "conversation_status_changed" -> statusChanged(payload, event);
            case "message_created" -> message(payload, event);
            case "message_updated" -> csat(payload, event);
            default -> SourceMapping.ignoring(event, SourceMapping.REASON_UNMAPPED_TYPE);
        };
    }

    private SourceMapping statusChanged(JsonNode payload, String event) {
        String status = text(payload, "status");
        if ("resolved".equals(status)) {
            return conversation(payload, "resolved", Direction.OUTBOUND, InteractionStatus.RESOLVED);
        }
        if ("open".equals(status)) {
            return conversation(payload, "reopened", Direction.INBOUND, InteractionStatus.OPEN);
        }
        return SourceMapping.ignoring(event + " (" + status + ")", SourceMapping.REASON_NOT_A_CONTACT);
    }

    private SourceMapping conversation(JsonNode c, String what, Direction direction, InteractionStatus status) {
        String id = requiredText(c, "id");
        Instant at = VendorJson.requiredTime(c, "timestamp");
        Canonical canonical = new Canonical(name(), "chatwoot:conversation-" + what + ":" + id + ":" + at.getEpochSecond(),
                channel(text(c, "channel")), at, customer(c.path("meta").path("sender")), "chatwoot-conversation-" + id,
                text(c, "meta.assignee.id"), text(c, "meta.team.name"));
        return SourceMapping.of(canonical.interaction(direction, status, null, null, null, null, null), CONVERSATION_FIELDS);
    }

    /** An incoming message of an e-mail inbox is a contact; chat messages belong to their conversation's one. */
    private SourceMapping message(JsonNode m, String event) {
        Channel channel = channel(text(m, "conversation.channel"));
        if (!"incoming".equals(text(m, "message_type")) || VendorJson.flag(m, "private") || channel != Channel.EMAIL) {
            return SourceMapping.ignoring(event, SourceMapping.REASON_NOT_A_CONTACT);
        }
        return SourceMapping.of(messageEvent(m, "message:" + requiredText(m, "id"), channel, VendorJson.requiredTime(m, "created_at"))
                .interaction(Direction.INBOUND, InteractionStatus.OPEN, null, null, null, null, text(m, "content")),
                MESSAGE_FIELDS);
    }

    /** The customer's answer to the CSAT survey message: rating 1..5, Chatwoot's own CSAT scale. */
    private SourceMapping csat(JsonNode m, String event) {
        JsonNode answer = VendorJson.at(m, "content_attributes.submitted_values.csat_survey_response");
        if (!"input_csat".equals(text(m, "content_type")) || answer == null) {
            return SourceMapping.ignoring(event, SourceMapping.REASON_NOT_A_CONTACT);
        }
        String ratingPath = "content_attributes.submitted_values.csat_survey_response.rating";
        Integer rating = integer(m, ratingPath);
        if (rating == null) {
            throw InvalidRequestException.field(ratingPath, "is required in a submitted CSAT answer");
        }
        Instant answered = VendorJson.time(m, "updated_at");
        Canonical canonical = messageEvent(m, "csat:" + requiredText(m, "id") + ":" + rating,
                channel(text(m, "conversation.channel")), answered != null ? answered : VendorJson.requiredTime(m, "created_at"));
        return SourceMapping.of(canonical.feedback(Metric.CSAT, rating, text(answer, "feedback_message")),
                withScore(ratingPath));
    }

    private Canonical messageEvent(JsonNode m, String id, Channel channel, Instant at) {
        JsonNode c = m.path("conversation");
        String conversation = requiredText(m, "conversation.id");
        return new Canonical(name(), "chatwoot:" + id, channel, at, customer(c.path("meta").path("sender")), "chatwoot-conversation-" + conversation,
                text(c, "meta.assignee.id"), text(c, "meta.team.name"));
    }

    private static Map<String, String> withScore(String ratingPath) {
        Map<String, String> fields = new java.util.HashMap<>(MESSAGE_FIELDS);
        fields.put("feedback.score", ratingPath);
        return fields;
    }

    private static CustomerIds customer(JsonNode sender) {
        String id = text(sender, "id");
        return new CustomerIds(null, text(sender, "email"), text(sender, "phone_number"), null,
                id == null ? null : "chatwoot:" + id);
    }

    /** Chatwoot's inbox channel class, e.g. {@code Channel::WebWidget}; an unknown one is a chat. */
    static Channel channel(String inbox) {
        if (inbox == null) {
            return Channel.CHAT;
        }
        return switch (inbox) {
            case "Channel::Email" -> Channel.EMAIL;
            case "Channel::FacebookPage", "Channel::TwitterProfile", "Channel::Instagram" -> Channel.SOCIAL;
            case "Channel::Voice" -> Channel.CALL;
            default -> Channel.CHAT;
        };
    }

    private static Instant epoch(String seconds) {
        try {
            return seconds == null ? null : Instant.ofEpochSecond(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package io.omnipulse.ingest.source;

import static io.omnipulse.ingest.source.VendorJson.at;
import static io.omnipulse.ingest.source.VendorJson.requiredEpochSeconds;
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
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Intercom: {@code notification_event} webhooks whose item is a conversation. The customer's contacts are
 * the conversation they start ({@code conversation.user.created}) and each reply they write
 * ({@code conversation.user.replied}); {@code conversation.admin.closed} is the resolution, and
 * {@code conversation.rating.added} the customer's rating on Intercom's 1..5 scale, which is CSAT's (1 is
 * the angry face, so a rating of 1 or 2 is a low one). Teammates' replies, notes, assignments, snoozes
 * and the other conversation topics are acknowledged as no contact: counting them would make every
 * busy conversation look like effort the customer had.
 *
 * <p>The customer is the conversation's contact: its Intercom id as the handle {@code intercom:<id>}, its
 * {@code external_id} (the id the workspace's own systems gave it) as the CRM id, and the e-mail of the
 * customer who wrote, where the payload carries one.
 */
@ApplicationScoped
public class IntercomSource implements VendorSource {

    static final String SIGNATURE = "X-Hub-Signature";
    static final String USER_CREATED = "conversation.user.created";
    static final String USER_REPLIED = "conversation.user.replied";
    static final String ADMIN_CLOSED = "conversation.admin.closed";
    static final String RATING_ADDED = "conversation.rating.added";
    /** Authors who are the customer (Intercom calls users and leads contacts since API 2.0). */
    private static final Set<String> CUSTOMER_AUTHORS = Set.of("user", "lead", "contact");

    private static final Map<String, String> CONVERSATION_FIELDS = Map.of(
            "eventId", "id",
            "occurredAt", "created_at",
            "customer", "data.item.contacts.contacts",
            "customer.handle", "data.item.contacts.contacts",
            "customer.crmId", "data.item.contacts.contacts",
            "customer.email", "data.item.source.author.email",
            "conversationId", "data.item.id",
            "agentId", "data.item.admin_assignee_id",
            "team", "data.item.team_assignee_id",
            "interaction.subject", "data.item.source.subject");
    private static final Map<String, String> CREATED_FIELDS = with(CONVERSATION_FIELDS,
            "interaction.text", "data.item.source.body");
    private static final Map<String, String> REPLIED_FIELDS = with(CONVERSATION_FIELDS,
            "interaction.text", "data.item.conversation_parts.conversation_parts");
    private static final Map<String, String> RATING_FIELDS = with(CONVERSATION_FIELDS,
            "customer.handle", "data.item.conversation_rating.contact.id",
            "agentId", "data.item.conversation_rating.teammate.id",
            "feedback.score", "data.item.conversation_rating.rating",
            "feedback.comment", "data.item.conversation_rating.remark");

    @Override
    public String name() {
        return "intercom";
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    /** {@code sha1=} and the hex HMAC-SHA1 of the body with the app's client secret; Intercom signs no time. */
    @Override
    public void verify(WebhookRequest request, String secret, Clock clock, Duration tolerance) {
        Signatures.requireEqual(SIGNATURE, request.header(SIGNATURE),
                "sha1=" + Signatures.hex(Signatures.hmac(Signatures.SHA1, secret, request.body())));
    }

    @Override
    public SourceMapping map(JsonNode payload, WebhookRequest request) {
        String topic = text(payload, "topic");
        if (topic == null) {
            throw InvalidRequestException.field("topic", "is required: the topic of Intercom's notification_event");
        }
        return switch (topic) {
            case USER_CREATED -> contact(payload, topic, Direction.INBOUND, InteractionStatus.OPEN,
                    plain(text(payload, "data.item.source.body")), CREATED_FIELDS);
            case USER_REPLIED -> contact(payload, topic, Direction.INBOUND, InteractionStatus.OPEN,
                    plain(lastCustomerPart(payload)), REPLIED_FIELDS);
            case ADMIN_CLOSED -> contact(payload, topic, Direction.OUTBOUND, InteractionStatus.RESOLVED, null,
                    CONVERSATION_FIELDS);
            case RATING_ADDED -> rating(payload, topic);
            default -> SourceMapping.ignoring(topic, topic.startsWith("conversation.") || topic.startsWith("conversation_part.")
                    ? SourceMapping.REASON_NOT_A_CONTACT : SourceMapping.REASON_UNMAPPED_TYPE);
        };
    }

    private SourceMapping contact(JsonNode payload, String topic, Direction direction, InteractionStatus status,
            String text, Map<String, String> fields) {
        CustomerIds customer = customer(payload, null, authorEmail(payload, topic));
        if (customer.isEmpty()) {
            return SourceMapping.ignoring(topic, SourceMapping.REASON_NO_CUSTOMER);
        }
        Canonical c = conversation(payload, customer, text(payload, "data.item.admin_assignee_id"));
        return SourceMapping.of(c.interaction(direction, status, null, null, null,
                plain(text(payload, "data.item.source.subject")), text), fields);
    }

    /** The rating of the conversation, by the contact who gave it, about the teammate it rated. */
    private SourceMapping rating(JsonNode payload, String topic) {
        Integer score = VendorJson.integer(payload, "data.item.conversation_rating.rating");
        if (score == null) {
            throw InvalidRequestException.field("data.item.conversation_rating.rating", "is required: 1..5");
        }
        String rater = firstText(payload, "data.item.conversation_rating.contact.id",
                "data.item.conversation_rating.customer.id");
        boolean raterStarted = rater != null && rater.equals(text(payload, "data.item.source.author.id"));
        CustomerIds customer = customer(payload, rater, raterStarted ? authorEmail(payload, topic) : null);
        if (customer.isEmpty()) {
            return SourceMapping.ignoring(topic, SourceMapping.REASON_NO_CUSTOMER);
        }
        Canonical c = conversation(payload, customer, firstText(payload, "data.item.conversation_rating.teammate.id",
                "data.item.admin_assignee_id"));
        return SourceMapping.of(c.feedback(Metric.CSAT, score, text(payload, "data.item.conversation_rating.remark")),
                RATING_FIELDS);
    }

    private Canonical conversation(JsonNode payload, CustomerIds customer, String agentId) {
        return new Canonical(name(), "intercom:" + requiredText(payload, "id"),
                channel(text(payload, "data.item.source.type")), requiredEpochSeconds(payload, "created_at"), customer,
                "intercom-conversation-" + requiredText(payload, "data.item.id"), agentId,
                text(payload, "data.item.team_assignee_id"));
    }

    /**
     * The conversation's contact ({@code rater} when given, else the first): the Intercom id as handle, the
     * workspace's external id as CRM id.
     */
    private static CustomerIds customer(JsonNode payload, String rater, String email) {
        JsonNode contact = null;
        JsonNode contacts = at(payload, "data.item.contacts.contacts");
        if (contacts != null && contacts.isArray()) {
            for (JsonNode candidate : contacts) {
                if (rater == null ? contact == null : rater.equals(text(candidate, "id"))) {
                    contact = candidate;
                }
            }
        }
        String id = rater != null ? rater : contact == null ? null : text(contact, "id");
        String externalId = contact == null ? null : text(contact, "external_id");
        return new CustomerIds(externalId, email, null, id == null ? null : "intercom:" + id, null);
    }

    /** The e-mail of the customer who wrote: the reply's author, else the one who started the conversation. */
    private static String authorEmail(JsonNode payload, String topic) {
        if (topic.equals(USER_REPLIED)) {
            JsonNode part = lastCustomerPartNode(payload);
            if (part != null && text(part, "author.email") != null) {
                return text(part, "author.email");
            }
        }
        String type = text(payload, "data.item.source.author.type");
        return type != null && CUSTOMER_AUTHORS.contains(type) ? text(payload, "data.item.source.author.email") : null;
    }

    private static String lastCustomerPart(JsonNode payload) {
        JsonNode part = lastCustomerPartNode(payload);
        return part == null ? null : text(part, "body");
    }

    /** The reply a {@code conversation.user.replied} notification is about: the customer's latest part. */
    private static JsonNode lastCustomerPartNode(JsonNode payload) {
        JsonNode parts = at(payload, "data.item.conversation_parts.conversation_parts");
        JsonNode last = null;
        if (parts != null && parts.isArray()) {
            for (JsonNode part : parts) {
                String author = text(part, "author.type");
                if (author != null && CUSTOMER_AUTHORS.contains(author)) {
                    last = part;
                }
            }
        }
        return last;
    }

    /**
     * The channel the conversation came by ({@code source.type}); the messenger and the messaging apps are
     * chat. {@code source.delivered_as} says who started it, not how, so it decides nothing here.
     */
    static Channel channel(String sourceType) {
        if (sourceType == null) {
            return Channel.CHAT;
        }
        return switch (sourceType.toLowerCase(Locale.ROOT)) {
            case "email" -> Channel.EMAIL;
            case "phone_call", "phone_switch", "phone", "call" -> Channel.CALL;
            case "twitter", "facebook", "instagram" -> Channel.SOCIAL;
            default -> Channel.CHAT;
        };
    }

    /** Intercom's bodies are HTML before API 2.15; OmniPulse keeps the words. */
    static String plain(String html) {
        if (html == null) {
            return null;
        }
        String text = html.replaceAll("<[^>]*>", " ").replaceAll("[ \\t]+", " ").trim();
        return text.isEmpty() ? null : text;
    }

    private static String firstText(JsonNode payload, String path, String fallback) {
        String value = text(payload, path);
        return value != null ? value : text(payload, fallback);
    }

    /** {@code base} with some canonical paths ({@code canonical, vendor, ...}) named otherwise. */
    private static Map<String, String> with(Map<String, String> base, String... canonicalAndVendor) {
        Map<String, String> fields = new HashMap<>(base);
        for (int i = 0; i < canonicalAndVendor.length; i += 2) {
            fields.put(canonicalAndVendor[i], canonicalAndVendor[i + 1]);
        }
        return Map.copyOf(fields);
    }
}

package io.omnipulse.ingest.source;

import static io.omnipulse.ingest.source.VendorJson.requiredIsoTime;
import static io.omnipulse.ingest.source.VendorJson.requiredText;
import static io.omnipulse.ingest.source.VendorJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.ingest.domain.PayloadTooLargeException;
import io.omnipulse.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Twilio Event Streams: a webhook sink posts a batch (a JSON array) of CloudEvents; the TaskRouter ones are
 * mapped, each element on its own. A task is one customer contact and is counted once, by whichever of two
 * mutually exclusive events ends its wait: {@code reservation.accepted} (an agent took it: the wait is the
 * task's age then, the agent and queue are known) or {@code task.canceled} (the customer gave up before
 * anyone took it: abandoned after the task's age). {@code task.completed} is not used, although it
 * finishes the task: by then the task's age is wait and talk and wrap-up together, and the agent is no
 * longer on the event. Every other TaskRouter event (created, wrap-up, completed, reservations offered or
 * rejected, workers' activities) is a step of a contact already counted.
 *
 * <p>The customer comes from the task's attributes, a JSON document in a string that the Flex flow or the
 * application wrote: {@code customers.external_id} or {@code customer_id} (CRM id), {@code customers.email}
 * or {@code email}, and a phone number ({@code customers.phone}, else the caller's {@code from} or
 * {@code caller}, or {@code to} on an outbound task) kept as Twilio wrote it, when it is one ({@code +...}).
 */
@ApplicationScoped
public class TwilioSource implements VendorSource {

    static final String SIGNATURE = "X-Twilio-Signature";
    /** The query parameter Twilio adds to the URL it signs: the hex SHA-256 of a JSON body. */
    static final String BODY_SHA256 = "bodySHA256";
    static final String RESERVATION_ACCEPTED = "com.twilio.taskrouter.reservation.accepted";
    static final String TASK_CANCELED = "com.twilio.taskrouter.task.canceled";
    private static final String TASKROUTER = "com.twilio.taskrouter.";
    /** Most events one request may carry, as omnipulse.ingest.max-batch-size's default; Twilio's batches are smaller. */
    static final int MAX_BATCH = 500;
    /** Longest task attributes read; TaskRouter's own limit is far below. */
    static final int MAX_ATTRIBUTES = 65_536;

    private static final Map<String, String> FIELDS = Map.of(
            "eventId", "id",
            "occurredAt", "time",
            "customer", "data.payload.task_attributes",
            "customer.crmId", "data.payload.task_attributes",
            "customer.email", "data.payload.task_attributes",
            "customer.phone", "data.payload.task_attributes",
            "conversationId", "data.payload.task_sid",
            "agentId", "data.payload.worker_name",
            "team", "data.payload.task_queue_name",
            "interaction.waitSeconds", "data.payload.task_age");

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    /**
     * base64(HMAC-SHA1(auth token, the URL Twilio called)), where that URL carries {@code bodySHA256}: the
     * signature vouches for the digest, and the digest for the body. Both must hold.
     */
    @Override
    public void verify(WebhookRequest request, String secret, Clock clock, Duration tolerance) {
        URI url = request.url();
        String digest = queryParameter(url, BODY_SHA256);
        if (digest == null) {
            throw new WebhookUnauthorizedException("the URL has no " + BODY_SHA256 + " parameter, which Twilio adds "
                    + "to sign a JSON body");
        }
        Signatures.requireEqual(SIGNATURE, request.header(SIGNATURE),
                Signatures.base64(Signatures.hmac(Signatures.SHA1, secret, Signatures.utf8(url.toString()))));
        if (!MessageDigest.isEqual(Signatures.utf8(digest.toLowerCase(Locale.ROOT)),
                Signatures.utf8(Signatures.hex(Signatures.sha256(request.body()))))) {
            throw new WebhookUnauthorizedException("the " + BODY_SHA256 + " parameter does not match the body");
        }
    }

    /** A batch element by element, its errors named {@code [i].data...}; one event alone (a sink without batching) as is. */
    @Override
    public SourceMapping map(JsonNode payload, WebhookRequest request) {
        if (payload.isObject()) {
            return event(payload);
        }
        if (!payload.isArray()) {
            throw new InvalidRequestException("the body must be an array of CloudEvents", List.of());
        }
        if (payload.size() > MAX_BATCH) {
            throw new PayloadTooLargeException("a batch may carry at most " + MAX_BATCH + " events, this one has "
                    + payload.size() + "; lower the sink's batch size");
        }
        SourceMapping mapping = new SourceMapping();
        for (int i = 0; i < payload.size(); i++) {
            JsonNode element = payload.get(i);
            mapping.addElement(i, () -> event(element));
        }
        return mapping;
    }

    private SourceMapping event(JsonNode event) {
        String type = requiredText(event, "type");
        return switch (type) {
            case RESERVATION_ACCEPTED -> task(event, type, InteractionStatus.OPEN);
            case TASK_CANCELED -> task(event, type, InteractionStatus.ABANDONED);
            default -> SourceMapping.ignoring(type, type.startsWith(TASKROUTER) ? SourceMapping.REASON_NOT_A_CONTACT
                    : SourceMapping.REASON_UNMAPPED_TYPE);
        };
    }

    /**
     * The task's contact. Accepted, it is {@code open}: TaskRouter knows an agent took it, not whether that
     * solved anything. Canceled before anyone took it, it is abandoned.
     */
    private SourceMapping task(JsonNode event, String type, InteractionStatus status) {
        JsonNode attributes = VendorJson.embeddedObject(event, "data.payload.task_attributes", MAX_ATTRIBUTES);
        Channel channel = channel(text(event, "data.payload.task_channel_unique_name"), attribute(attributes, "channelType"));
        if (channel == null) {
            return SourceMapping.ignoring(type, SourceMapping.REASON_NOT_A_CONTACT);
        }
        boolean outbound = "outbound".equalsIgnoreCase(attribute(attributes, "direction"));
        CustomerIds customer = customer(attributes, outbound);
        if (customer.isEmpty()) {
            return SourceMapping.ignoring(type, SourceMapping.REASON_NO_CUSTOMER);
        }
        String conversation = attribute(attributes, "conversations.conversation_id");
        String agent = status == InteractionStatus.ABANDONED ? null
                : first(text(event, "data.payload.worker_name"), text(event, "data.payload.worker_sid"));
        Canonical c = new Canonical(name(), "twilio:" + requiredText(event, "id"), channel, requiredIsoTime(event, "time"),
                customer, conversation != null ? "twilio-conversation-" + conversation
                        : "twilio-task-" + requiredText(event, "data.payload.task_sid"),
                agent, text(event, "data.payload.task_queue_name"));
        return SourceMapping.of(c.interaction(outbound ? Direction.OUTBOUND : Direction.INBOUND, status,
                VendorJson.integer(event, "data.payload.task_age"), null, null, null, null), FIELDS);
    }

    private static CustomerIds customer(JsonNode attributes, boolean outbound) {
        if (attributes == null) {
            return CustomerIds.none();
        }
        String phone = first(phone(attribute(attributes, "customers.phone")),
                outbound ? first(phone(attribute(attributes, "to")), phone(attribute(attributes, "called")))
                        : first(phone(attribute(attributes, "caller")), phone(attribute(attributes, "from"))),
                phone(attribute(attributes, "customerAddress")));
        String email = first(attribute(attributes, "customers.email"), attribute(attributes, "email"),
                email(attribute(attributes, "customerAddress")));
        return new CustomerIds(first(attribute(attributes, "customers.external_id"), attribute(attributes, "customer_id")), email,
                phone, null, null);
    }

    /**
     * The task channel: voice is a call, e-mail an e-mail; chat and SMS are chat, except a conversation
     * from a social network (Flex's channelType). A custom channel is work, not a customer contact.
     */
    static Channel channel(String taskChannel, String channelType) {
        String type = channelType == null ? "" : channelType.toLowerCase(Locale.ROOT);
        return switch (taskChannel == null ? "" : taskChannel.toLowerCase(Locale.ROOT)) {
            case "voice" -> Channel.CALL;
            case "email" -> Channel.EMAIL;
            case "chat", "sms" -> type.equals("messenger") || type.equals("facebook") || type.equals("instagram")
                    || type.equals("twitter") ? Channel.SOCIAL : Channel.CHAT;
            default -> null;
        };
    }

    /** A phone number as Twilio writes it ({@code +4420...}, or {@code whatsapp:+4420...}); a client name is none. */
    private static String phone(String address) {
        if (address == null) {
            return null;
        }
        String number = address.startsWith("whatsapp:") ? address.substring("whatsapp:".length()) : address;
        return number.startsWith("+") ? number : null;
    }

    private static String email(String address) {
        return address != null && address.indexOf('@') > 0 && !address.contains(":") ? address : null;
    }

    /**
     * A task attribute as text. Attributes are the application's own free-form document: a value of another
     * shape is simply not an identifier, not a broken request.
     */
    private static String attribute(JsonNode attributes, String path) {
        JsonNode node = VendorJson.at(attributes, path);
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return null;
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The decoded value of a query parameter, or null. */
    static String queryParameter(URI url, String name) {
        String query = url.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

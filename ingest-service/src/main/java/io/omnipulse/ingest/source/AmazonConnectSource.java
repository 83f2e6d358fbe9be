package io.omnipulse.ingest.source;

import static io.omnipulse.ingest.source.VendorJson.at;
import static io.omnipulse.ingest.source.VendorJson.isoTime;
import static io.omnipulse.ingest.source.VendorJson.lastSegment;
import static io.omnipulse.ingest.source.VendorJson.requiredIsoTime;
import static io.omnipulse.ingest.source.VendorJson.requiredText;
import static io.omnipulse.ingest.source.VendorJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Amazon Connect contact events, sent by an EventBridge rule ({@code source: aws.connect}, detail-type
 * {@code Amazon Connect Contact Event}) to an API destination. Only {@code DISCONNECTED} is mapped: it is the
 * one event that knows how the contact went (queued, connected, for how long), so each voice, chat or
 * e-mail contact is one canonical interaction; INITIATED, QUEUED, CONNECTED_TO_AGENT and the rest are
 * steps of that same contact. Tasks are back-office work, no customer contact; so are a supervisor's
 * monitoring, a disconnect flow's follow-up, an agent's call to a third party, and an outbound dial that
 * never reached anybody.
 *
 * <p>A transfer starts a new Connect contact ({@code initiationMethod} TRANSFER or QUEUE_TRANSFER) with the
 * same {@code initialContactId}, so every leg of one call lands on the conversation
 * {@code amazon-connect-contact-<initialContactId>}, the transferred leg as {@code transferred} with one
 * transfer.
 *
 * <p>The customer: contact events name nobody in Connect's documented data model. The address of
 * {@code customerEndpoint} is used where the event carries one (a phone number as given, or an e-mail
 * address); otherwise the contact flow can tag the contact ("Tag contact" block, tags travel with the
 * events) with {@code customer-phone}, {@code customer-email} or {@code customer-crm-id}. A contact
 * with neither is acknowledged as {@code no-customer}: without an identifier it cannot join any profile.
 */
@ApplicationScoped
public class AmazonConnectSource implements VendorSource {

    /** The API destination's connection sends the source's secret in this header (API key authorization). */
    static final String TOKEN = "X-OmniPulse-Source-Token";
    static final String DETAIL_TYPE = "Amazon Connect Contact Event";
    static final String DISCONNECTED = "DISCONNECTED";
    /**
     * Initiation methods whose contacts are no customer contact: a supervisor monitoring, a disconnect flow's
     * follow-up, an agent calling a third party, an agent's reply to an e-mail (the customer's e-mail was the
     * contact).
     */
    private static final Set<String> NOT_CUSTOMER_CONTACTS = Set.of("MONITOR", "DISCONNECT", "EXTERNAL_OUTBOUND",
            "AGENT_REPLY");
    private static final Set<String> OUTBOUND = Set.of("OUTBOUND", "CALLBACK", "CAMPAIGN_PREVIEW");
    private static final Set<String> TRANSFERS = Set.of("TRANSFER", "QUEUE_TRANSFER");

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("eventId", "id"),
            Map.entry("occurredAt", "detail.disconnectTimestamp"),
            Map.entry("customer", "detail.customerEndpoint.address"),
            Map.entry("customer.phone", "detail.customerEndpoint.address"),
            Map.entry("customer.email", "detail.customerEndpoint.address"),
            Map.entry("customer.crmId", "detail.tags.customer-crm-id"),
            Map.entry("conversationId", "detail.initialContactId"),
            Map.entry("agentId", "detail.agentInfo.agentArn"),
            Map.entry("team", "detail.queueInfo.queueArn"),
            Map.entry("interaction.waitSeconds", "detail.queueInfo.enqueueTimestamp"),
            Map.entry("interaction.handleSeconds", "detail.agentInfo.connectedToAgentTimestamp"));

    @Override
    public String name() {
        return "amazon-connect";
    }

    @Override
    public String signatureHeader() {
        return TOKEN;
    }

    /** EventBridge signs nothing: the connection's token, compared in constant time; TLS protects the body. */
    @Override
    public void verify(WebhookRequest request, String secret, Clock clock, Duration tolerance) {
        Signatures.requireEqual(TOKEN, request.header(TOKEN), secret);
    }

    @Override
    public SourceMapping map(JsonNode payload, WebhookRequest request) {
        String detailType = text(payload, "detail-type");
        if (!DETAIL_TYPE.equals(detailType)) {
            return SourceMapping.ignoring(detailType, SourceMapping.REASON_UNMAPPED_TYPE);
        }
        String eventType = text(payload, spelled(payload, "detail.eventType"));
        if (eventType == null) {
            throw InvalidRequestException.field("detail.eventType", "is required: a contact event's type");
        }
        if (!eventType.equalsIgnoreCase(DISCONNECTED)) {
            return SourceMapping.ignoring(eventType, SourceMapping.REASON_NOT_A_CONTACT);
        }
        return disconnected(payload, new Leg(payload));
    }

    private SourceMapping disconnected(JsonNode payload, Leg leg) {
        String type = (DISCONNECTED + " " + leg.channel + " " + leg.initiation).trim();
        Channel channel = switch (leg.channel) {
            case "VOICE" -> Channel.CALL;
            case "CHAT" -> Channel.CHAT;
            case "EMAIL" -> Channel.EMAIL;
            default -> null;
        };
        if (channel == null) {
            return SourceMapping.ignoring(type, leg.channel.equals("TASK") ? SourceMapping.REASON_NOT_A_CONTACT
                    : SourceMapping.REASON_UNMAPPED_TYPE);
        }
        if (NOT_CUSTOMER_CONTACTS.contains(leg.initiation) || leg.reachedNobody()) {
            return SourceMapping.ignoring(type, SourceMapping.REASON_NOT_A_CONTACT);
        }
        CustomerIds customer = customer(payload);
        if (customer.isEmpty()) {
            return SourceMapping.ignoring(type, SourceMapping.REASON_NO_CUSTOMER);
        }
        String contactId = requiredText(payload, spelled(payload, "detail.contactId"));
        String initial = text(payload, spelled(payload, "detail.initialContactId"));
        Canonical c = new Canonical(name(), "amazon-connect:" + requiredText(payload, "id"), channel,
                leg.disconnected, customer, "amazon-connect-contact-" + (initial != null ? initial : contactId),
                lastSegment(text(payload, spelled(payload, "detail.agentInfo.agentArn"))),
                lastSegment(text(payload, spelled(payload, "detail.queueInfo.queueArn"))));
        return SourceMapping.of(c.interaction(leg.outbound() ? Direction.OUTBOUND : Direction.INBOUND, leg.status(),
                leg.waitSeconds(), leg.handleSeconds(), leg.transfer() ? 1 : 0, null, null), FIELDS);
    }

    /**
     * What one DISCONNECTED event says about its contact; all times as Connect stamped them.
     *
     * @param answered  when the customer's side was connected to Connect (an outbound call picked up), or null
     * @param enqueued  when it entered a queue, or null when it never waited for an agent
     * @param connected when an agent took it, or null
     */
    record Leg(String channel, String initiation, Instant answered, Instant enqueued, Instant connected,
            Instant disconnected) {

        Leg(JsonNode payload) {
            this(upper(requiredText(payload, spelled(payload, "detail.channel"))),
                    upper(text(payload, spelled(payload, "detail.initiationMethod"))),
                    isoTime(payload, spelled(payload, "detail.connectedToSystemTimestamp")),
                    isoTime(payload, spelled(payload, "detail.queueInfo.enqueueTimestamp")),
                    isoTime(payload, spelled(payload, "detail.agentInfo.connectedToAgentTimestamp")),
                    disconnectedAt(payload));
        }

        boolean queued() {
            return enqueued != null;
        }

        boolean outbound() {
            return OUTBOUND.contains(initiation);
        }

        boolean transfer() {
            return TRANSFERS.contains(initiation);
        }

        /** An outbound dial that nobody answered, no agent took and no queue held: an attempt, no contact. */
        boolean reachedNobody() {
            return outbound() && answered == null && enqueued == null && connected == null;
        }

        /**
         * Abandoned: queued and never taken by an agent. Otherwise Connect does not know whether the customer's
         * issue was solved, only that the line closed, so a contact an agent took is {@code open} (or
         * {@code transferred} for the leg a transfer started), never {@code resolved}: a resolved first leg
         * would make its own transfer look like a reopened conversation, and a call that solved nothing would
         * hide the customer's switch to e-mail afterwards.
         */
        InteractionStatus status() {
            if (queued() && connected == null) {
                return InteractionStatus.ABANDONED;
            }
            return transfer() ? InteractionStatus.TRANSFERRED : InteractionStatus.OPEN;
        }

        /** In the queue until an agent took it, or until the customer gave up. */
        Integer waitSeconds() {
            return queued() ? seconds(enqueued, connected != null ? connected : disconnected) : null;
        }

        /** With the agent until the line closed (after-contact work is the agent's, not the customer's). */
        Integer handleSeconds() {
            return connected != null ? seconds(connected, disconnected) : null;
        }

        /** Null when the times are out of order: a wrong number would count as effort, a missing one does not. */
        private static Integer seconds(Instant from, Instant to) {
            long seconds = Duration.between(from, to).toSeconds();
            return seconds < 0 ? null : (int) Math.min(seconds, Integer.MAX_VALUE);
        }

        private static Instant disconnectedAt(JsonNode payload) {
            Instant at = isoTime(payload, spelled(payload, "detail.disconnectTimestamp"));
            return at != null ? at : requiredIsoTime(payload, "time");
        }

        private static String upper(String value) {
            return value == null ? "" : value.toUpperCase(Locale.ROOT);
        }
    }

    /** The customer endpoint's address, else the identifiers the contact flow tagged the contact with. */
    private static CustomerIds customer(JsonNode payload) {
        String address = text(payload, spelled(payload, "detail.customerEndpoint.address"));
        String addressType = text(payload, spelled(payload, "detail.customerEndpoint.type"));
        String phone = "TELEPHONE_NUMBER".equalsIgnoreCase(addressType) ? address : null;
        String email = "EMAIL_ADDRESS".equalsIgnoreCase(addressType) ? address : null;
        JsonNode tags = at(payload, spelled(payload, "detail.tags"));
        return new CustomerIds(tags == null ? null : text(tags, "customer-crm-id"),
                email != null ? email : tags == null ? null : text(tags, "customer-email"),
                phone != null ? phone : tags == null ? null : text(tags, "customer-phone"), null, null);
    }

    /**
     * {@code camelPath} as this event spells it. Connect's events write their fields in camelCase, but the
     * documentation's samples also show {@code AgentInfo.AgentArn}; either is read, and errors name the
     * spelling that was sent.
     */
    static String spelled(JsonNode root, String camelPath) {
        StringBuilder path = new StringBuilder();
        JsonNode node = root;
        for (String part : camelPath.split("\\.")) {
            String name = part;
            if (node != null && node.isObject() && !node.has(part)) {
                String pascal = Character.toUpperCase(part.charAt(0)) + part.substring(1);
                name = node.has(pascal) ? pascal : part;
            }
            path.append(path.isEmpty() ? "" : ".").append(name);
            node = node != null && node.isObject() ? node.get(name) : null;
        }
        return path.toString();
    }
}

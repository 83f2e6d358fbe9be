package io.omnipulse.ingest.rest;

import io.omnipulse.ingest.domain.Ingestion;
import io.omnipulse.ingest.domain.PostingSources;
import io.omnipulse.ingest.domain.StrictJson;
import io.omnipulse.ingest.messaging.RecordKeys;
import io.omnipulse.ingest.metrics.IngestMetrics;
import io.omnipulse.ingest.source.SourceMapping;
import io.omnipulse.ingest.source.SourcesConfig;
import io.omnipulse.ingest.source.VendorSource;
import io.omnipulse.ingest.source.WebhookRequest;
import io.omnipulse.problem.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Vendor webhooks, as the vendors send them. Each request is authenticated by the vendor's own signature
 * (not an OmniPulse API key, which vendors cannot send), mapped to canonical events and published like
 * any other. The canonical eventId is the vendor's own event id, so a vendor's retry of an event that
 * was already accepted is published again but counted once downstream (deduplicated on source and eventId).
 * Vendor events OmniPulse does not use are answered 200 and counted: vendors retry anything else.
 */
@Path("/v1/sources")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@PermitAll
@Tag(name = "sources", description = "Webhooks of help desks, chat tools and telephony, in their own formats")
@APIResponse(responseCode = "200", description = "Nothing in it is used by OmniPulse (listed in ignored, counted); "
        + "acknowledged so that the vendor does not retry it",
        content = @Content(schema = @Schema(implementation = SourceAccepted.class)))
@APIResponse(responseCode = "202", description = "Mapped and acknowledged by Kafka",
        content = @Content(schema = @Schema(implementation = SourceAccepted.class)))
@APIResponse(responseCode = "400", description = "A field a mapped event needs is missing or invalid; errors name "
        + "the vendor's field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "The vendor's signature is missing, wrong or stale",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "The vendor's webhook is switched off (omnipulse.ingest.sources.<vendor>.enabled)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Kafka unavailable or overloaded; the vendor retries",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SourcesResource {

    private static final Logger LOG = Logger.getLogger(SourcesResource.class);

    private final Map<String, VendorSource> vendors = new LinkedHashMap<>();
    private final SourcesConfig config;
    private final Ingestion ingestion;
    private final RecordKeys keys;
    private final IngestMetrics metrics;
    private final Clock clock;

    SourcesResource(Instance<VendorSource> vendors, SourcesConfig config, Ingestion ingestion, RecordKeys keys,
            IngestMetrics metrics, Clock clock) {
        vendors.forEach(v -> this.vendors.put(v.name(), v));
        this.config = config;
        this.ingestion = ingestion;
        this.keys = keys;
        this.metrics = metrics;
        this.clock = clock;
    }

    @POST
    @Path("/zendesk")
    @Operation(summary = "Zendesk webhook (ticket events; satisfaction ratings from a trigger)",
            description = "Signed with X-Zendesk-Webhook-Signature over X-Zendesk-Webhook-Signature-Timestamp and the body. "
                    + "Maps zen:event-type:ticket.created, ticket.comment_added (the requester's public comments), "
                    + "ticket.status_changed to solved, and the satisfaction-rating body documented in the README.")
    public CompletionStage<Response> zendesk(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        return receive("zendesk", body, headers, uri);
    }

    @POST
    @Path("/chatwoot")
    @Operation(summary = "Chatwoot webhook (conversations, messages, CSAT)",
            description = "Signed with X-Chatwoot-Signature over X-Chatwoot-Timestamp and the body. Maps "
                    + "conversation_created, message_created (incoming), conversation_status_changed to resolved, "
                    + "and message_updated with content_type input_csat (the CSAT answer).")
    public CompletionStage<Response> chatwoot(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        return receive("chatwoot", body, headers, uri);
    }

    @POST
    @Path("/intercom")
    @Operation(summary = "Intercom webhook (notification_event for conversations)",
            description = "Signed with X-Hub-Signature (HMAC-SHA1 of the body with the app's client secret). Maps "
                    + "conversation.user.created and conversation.user.replied (the customer's contacts), "
                    + "conversation.admin.closed (the resolution) and conversation.rating.added (CSAT 1..5).")
    public CompletionStage<Response> intercom(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        return receive("intercom", body, headers, uri);
    }

    @POST
    @Path("/amazon-connect")
    @Operation(summary = "Amazon Connect contact events through an EventBridge API destination",
            description = "EventBridge does not sign: its connection sends the source's secret in the "
                    + "X-OmniPulse-Source-Token header (API key authorization). Maps DISCONNECTED of voice, chat and "
                    + "e-mail contacts: one interaction per contact, with its wait, handle time, transfer or abandonment.")
    public CompletionStage<Response> amazonConnect(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        return receive("amazon-connect", body, headers, uri);
    }

    @POST
    @Path("/twilio")
    @Operation(summary = "Twilio Event Streams webhook sink (CloudEvents batch of TaskRouter events)",
            description = "Signed with X-Twilio-Signature over the URL, which carries bodySHA256 of the body. Maps "
                    + "com.twilio.taskrouter.reservation.accepted (a task an agent took) and task.canceled (abandoned): "
                    + "one interaction per task.")
    public CompletionStage<Response> twilio(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        return receive("twilio", body, headers, uri);
    }

    private CompletionStage<Response> receive(String name, byte[] body, HttpHeaders headers, UriInfo uri) {
        VendorSource vendor = vendors.get(name);
        SourcesConfig.Vendor settings = config.of(name);
        if (vendor == null || !settings.enabled()) {
            throw new NotFoundException("the " + name + " webhook is switched off");
        }
        WebhookRequest request = new WebhookRequest(body == null ? new byte[0] : body, RequestHeaders.firstValues(headers),
                calledUrl(name, uri));
        settings.secret().ifPresent(secret -> vendor.verify(request, secret, clock, config.signatureTolerance()));
        SourceMapping mapping = vendor.map(StrictJson.tree(request.bodyText()), request);
        mapping.ignored().forEach(i -> {
            metrics.ignored(name, i.reason());
            LOG.debugf("%s event %s not used: %s", name, i.vendorType(), i.reason());
        });
        List<SourceMapping.Mapped> mapped = mapping.mapped();
        if (mapped.isEmpty()) {
            return CompletableFuture.completedFuture(Response.ok(new SourceAccepted(List.of(), mapping.ignored())).build());
        }
        List<UnaryOperator<String>> nativeNames = mapped.stream().<UnaryOperator<String>>map(m -> m::nativeField).toList();
        return ingestion.acceptMapped(mapped.stream().map(SourceMapping.Mapped::event).toList(), nativeNames,
                        new PostingSources("source:" + name, List.of(name)))
                .thenApply(events -> Response.accepted(new SourceAccepted(
                        events.stream().map(e -> ChannelAccepted.of(e, keys)).toList(), mapping.ignored())).build());
    }

    /** Twilio signs the URL it was given; behind a proxy that is the configured public one, not ours. */
    private URI calledUrl(String name, UriInfo uri) {
        URI here = uri.getRequestUri();
        if (!name.equals("twilio")) {
            return here;
        }
        return config.twilio().publicUrl()
                .map(base -> URI.create(here.getRawQuery() == null ? base : base + "?" + here.getRawQuery()))
                .orElse(here);
    }
}

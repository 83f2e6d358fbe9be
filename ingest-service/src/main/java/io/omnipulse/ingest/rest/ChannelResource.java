package io.omnipulse.ingest.rest;

import io.omnipulse.ingest.channel.CallAdapter;
import io.omnipulse.ingest.channel.CallRecord;
import io.omnipulse.ingest.channel.ChannelAdapter;
import io.omnipulse.ingest.channel.ChatAdapter;
import io.omnipulse.ingest.channel.ChatSession;
import io.omnipulse.ingest.channel.EmailAdapter;
import io.omnipulse.ingest.channel.EmailMessage;
import io.omnipulse.ingest.channel.SocialAdapter;
import io.omnipulse.ingest.channel.SocialPost;
import io.omnipulse.ingest.domain.Ingestion;
import io.omnipulse.ingest.domain.StrictJson;
import io.omnipulse.ingest.messaging.RecordKeys;
import io.omnipulse.problem.Problem;
import io.omnipulse.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Channel adapters: each takes what that channel's systems send and publishes it as a canonical event. */
@Path("/v1/channels")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = "channels", description = "Native payloads of e-mail, chat, social and telephony systems")
@APIResponse(responseCode = "202", description = "Normalised and acknowledged by Kafka",
        content = @Content(schema = @Schema(implementation = ChannelAccepted.class)))
@APIResponse(responseCode = "400", description = "A native field is missing or invalid; errors name it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Kafka unavailable, or too many events waiting for it "
        + "(load shedding); retry after Retry-After seconds",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.INGEST)
public class ChannelResource {

    private final Ingestion ingestion;
    private final RecordKeys keys;
    private final EmailAdapter email = new EmailAdapter();
    private final ChatAdapter chat = new ChatAdapter();
    private final SocialAdapter social = new SocialAdapter();
    private final CallAdapter call = new CallAdapter();

    private final SecurityIdentity caller;

    ChannelResource(Ingestion ingestion, RecordKeys keys, SecurityIdentity caller) {
        this.ingestion = ingestion;
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Path("/email")
    @Operation(summary = "An inbound e-mail", description = "eventId = email:<messageId>; customer = the sender's address")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EmailMessage.class)))
    public CompletionStage<Response> email(String body) {
        return accept(email, StrictJson.read(body, EmailMessage.class));
    }

    @POST
    @Path("/chat")
    @Operation(summary = "A chat session", description = "eventId = chat:<sessionId>; customer = visitorId and/or email")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChatSession.class)))
    public CompletionStage<Response> chat(String body) {
        return accept(chat, StrictJson.read(body, ChatSession.class));
    }

    @POST
    @Path("/social")
    @Operation(summary = "A social post or direct message",
            description = "eventId = social:<platform>:<postId>; customer handle = <platform>:<handle>")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SocialPost.class)))
    public CompletionStage<Response> social(String body) {
        return accept(social, StrictJson.read(body, SocialPost.class));
    }

    @POST
    @Path("/call")
    @Operation(summary = "A finished call (call detail record)",
            description = "eventId = call:<callId>; customer = callerNumber; wait and handle time from the timestamps")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CallRecord.class)))
    public CompletionStage<Response> call(String body) {
        return accept(call, StrictJson.read(body, CallRecord.class));
    }

    private <P> CompletionStage<Response> accept(ChannelAdapter<P> adapter, P payload) {
        return ingestion.acceptFromChannel(adapter, payload, Callers.postingSources(caller))
                .thenApply(event -> Response.accepted(ChannelAccepted.of(event, keys)).build());
    }
}

package io.omnipulse.ingest.rest;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.ingest.domain.Ingestion;
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

/**
 * The canonical event API for systems that already speak ContactEvent. The body is read as text
 * and parsed here, so that malformed JSON and wrong types get the same precise 400 as rule breaks.
 */
@Path("/v1/events")
@Tag(name = "events", description = "Canonical contact and feedback events")
public class EventsResource {

    private final Ingestion ingestion;
    private final SecurityIdentity caller;

    EventsResource(Ingestion ingestion, SecurityIdentity caller) {
        this.ingestion = ingestion;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Publish one event or a batch",
            description = "Validates every event first: a batch with one invalid event publishes nothing. "
                    + "202 is sent only after Kafka acknowledged every record; after a 503 resend the whole "
                    + "batch (consumers deduplicate on source and eventId). Needs a source's API key (X-API-Key, or "
                    + "the user name of HTTP Basic); an event without source gets the key's, one naming another "
                    + "source than the key's is refused (403).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {ContactEvent.class, ContactEvent[].class})))
    @APIResponse(responseCode = "202", description = "Every event acknowledged by Kafka",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid events; errors name each field, e.g. [1].feedback.score",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No API key, or an unknown or revoked one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "An event names a source the API key may not post as; errors name each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Too many events in the batch, or the body is too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    @APIResponse(responseCode = "503", description = "Kafka unavailable, or too many events waiting for it "
            + "(load shedding); retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> publish(String body) {
        return ingestion.acceptCanonical(body, Callers.postingSources(caller))
                .thenApply(events -> Response.accepted(Accepted.of(events)).build());
    }
}

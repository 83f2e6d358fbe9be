package io.omnipulse.ingest.rest;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.ingest.domain.CloudEventReader;
import io.omnipulse.ingest.domain.Ingestion;
import io.omnipulse.ingest.domain.PostingSources;
import io.omnipulse.problem.Problem;
import io.omnipulse.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The canonical event API for systems that already speak ContactEvent, plain or as CloudEvents
 * (structured, batch or binary mode; {@link CloudEventReader}). The body is read as text and parsed
 * here, so that malformed JSON and wrong types get the same precise 400 as rule breaks.
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
    @Consumes({MediaType.APPLICATION_JSON, CloudEventReader.STRUCTURED, CloudEventReader.BATCH})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Publish one event or a batch",
            description = "Validates every event first: a batch with one invalid event publishes nothing. "
                    + "202 is sent only after Kafka acknowledged every record; after a 503 resend the whole "
                    + "batch (consumers deduplicate on source and eventId). Needs a source's API key (X-API-Key, or "
                    + "the user name of HTTP Basic); an event without source gets the key's, one naming another "
                    + "source than the key's is refused (403). Also takes CloudEvents 1.0 of type "
                    + CloudEventReader.CONTACT_EVENT + " whose data is a ContactEvent: structured ("
                    + CloudEventReader.STRUCTURED + "), batch (" + CloudEventReader.BATCH + ") or binary mode "
                    + "(application/json with ce-* headers, the body the data).")
    @Parameter(in = ParameterIn.HEADER, name = "ce-specversion", description = "Binary mode: 1.0",
            schema = @Schema(enumeration = "1.0"))
    @Parameter(in = ParameterIn.HEADER, name = "ce-type", description = "Binary mode: " + CloudEventReader.CONTACT_EVENT,
            schema = @Schema(enumeration = CloudEventReader.CONTACT_EVENT))
    @Parameter(in = ParameterIn.HEADER, name = "ce-id", description = "Binary mode: the eventId (if the body has one, equal)")
    @Parameter(in = ParameterIn.HEADER, name = "ce-source",
            description = "Binary mode: the source posted as (if the body has one, equal)")
    @Parameter(in = ParameterIn.HEADER, name = "ce-time",
            description = "Binary mode, optional: the occurredAt (if the body has one, equal)")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ContactEvent.class, ContactEvent[].class})),
            @Content(mediaType = CloudEventReader.STRUCTURED, schema = @Schema(implementation = ContactCloudEvent.class)),
            @Content(mediaType = CloudEventReader.BATCH,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ContactCloudEvent.class))})
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
    @APIResponse(responseCode = "415", description = "The body is not application/json or a CloudEvents JSON format")
    @APIResponse(responseCode = "503", description = "Kafka unavailable, or too many events waiting for it "
            + "(load shedding); retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> publish(String body, @Context HttpHeaders headers) {
        PostingSources sources = Callers.postingSources(caller);
        MediaType type = headers.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : headers.getMediaType();
        String mediaType = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        Map<String, String> binding = cloudEventHeaders(headers);
        // Plain JSON is a canonical body; with any ce- header it is a CloudEvent in binary mode.
        CompletionStage<List<ContactEvent>> accepted = mediaType.equals(MediaType.APPLICATION_JSON) && binding.isEmpty()
                ? ingestion.acceptCanonical(body, sources)
                : ingestion.acceptCloudEvents(mediaType, withContentType(binding, headers), body, sources);
        return accepted.thenApply(events -> Response.accepted(Accepted.of(events)).build());
    }

    /** The request's ce-* headers, names in lower case, each with its first value. */
    private static Map<String, String> cloudEventHeaders(HttpHeaders headers) {
        Map<String, String> ce = new HashMap<>(RequestHeaders.firstValues(headers));
        ce.keySet().removeIf(name -> !name.startsWith("ce-"));
        return ce;
    }

    private static Map<String, String> withContentType(Map<String, String> ce, HttpHeaders headers) {
        ce.put(HttpHeaders.CONTENT_TYPE, headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        return ce;
    }
}

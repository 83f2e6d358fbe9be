package io.omnipulse.profile.rest;

import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem;
import io.omnipulse.profile.config.ProfileConfig;
import io.omnipulse.profile.domain.ErasureStatus;
import io.omnipulse.profile.streams.ProfileQueries;
import io.omnipulse.queries.OwnerForwarder;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Requests to forget a customer (GDPR art. 17), for admins: one endpoint, on the service that owns
 * identities. The request names the customer by id or by one identifier; every service then erases its
 * part and says so, which {@code GET /v1/erasures/{id}} shows.
 */
@RolesAllowed(Roles.ADMIN)
@Path("/v1/erasures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "erasures")
public class ErasureResource {

    private static final Logger LOG = Logger.getLogger(ErasureResource.class);
    private static final Pattern CUSTOMER_ID = Pattern.compile("cus-[0-9a-f]{16}");
    private static final Pattern ERASURE_ID = Pattern.compile("er-[0-9a-f-]{36}");

    @Inject
    ProfileQueries queries;

    @Inject
    OwnerForwarder forwarder;

    @Inject
    ProfileConfig config;

    @Inject
    IdentifierOwners owners;

    @Inject
    ErasureLog log;

    @Inject
    SecurityIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Forget a customer everywhere: profile, identity index, scores, alerts",
            description = "Give the customer id, or exactly one identifier the customer used (as POST "
                    + "/v1/customers/lookup). Answers 202 with the erasure's status and its Location.")
    @APIResponse(responseCode = "202", description = "Accepted; every service now erases its part",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of a customer id and an identifier, or an unusable value",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Nobody used that identifier",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka did not take the request; ask again after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response request(ErasureRequest body,
            @Parameter(hidden = true) @HeaderParam(OwnerForwarder.HOPS_HEADER) @DefaultValue("0") int hops) {
        ErasureRequest request = body == null ? new ErasureRequest(null, null, null, null, null, null) : body;
        if (request.customerId() != null) {
            if (request.namesAnIdentifier()) {
                throw InvalidRequestException.field("customerId", "give a customer id or one identifier, not both");
            }
            if (!CUSTOMER_ID.matcher(request.customerId()).matches()) {
                throw InvalidRequestException.field("customerId", "is not a customer id (cus- and 16 hex digits)");
            }
            return accept(request.customerId());
        }
        // Another instance's identifier is resolved there; as a POST, so that it stays out of URLs.
        return owners.answer(request.identifier(), this::accept, elsewhere -> forwarder.forwardPost(elsewhere.host(),
                elsewhere.port(), "/v1/erasures", request.toJson(), hops));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Where an erasure stands: each service's part, and done with the time it took")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "404", description = "No such erasure (yet: a new one shows within a second)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response status(@PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam(OwnerForwarder.HOPS_HEADER) @DefaultValue("0") int hops) {
        if (!ERASURE_ID.matcher(id).matches()) {
            throw new NotFoundException("no erasure with that id");
        }
        QueryResult<ErasureStatus> result = queries.erasure(id);
        if (result instanceof QueryResult.Found<ErasureStatus> found) {
            return Response.ok(view(found.value())).build();
        }
        if (result instanceof QueryResult.FoundElsewhere<ErasureStatus> elsewhere) {
            return forwarder.forward(elsewhere.host(), elsewhere.port(),
                    UriBuilder.fromPath("/v1/erasures/{id}").build(id).toString(), hops);
        }
        throw new NotFoundException("no erasure with that id");
    }

    private Response accept(String customerId) {
        ErasureRequested request = new ErasureRequested("er-" + UUID.randomUUID(), customerId, Instant.now(),
                caller.getPrincipal().getName());
        log.publish(request);
        LOG.infof("erasure %s accepted", request.erasureId());
        ErasureStatus accepted = ErasureStatus.fold(null, new ErasureProgress(request.erasureId(), customerId,
                request.requestedAt(), ErasureProgress.REQUESTED, request.requestedAt(), 0));
        return Response.accepted(view(accepted))
                .location(URI.create("/v1/erasures/" + request.erasureId())).build();
    }

    private ErasureView view(ErasureStatus status) {
        return ErasureView.of(status, config.erasureParticipants(), config.erasureRawRetention(), Instant.now());
    }

    /** Nothing was stored: the admin may ask again. */
    @ServerExceptionMapper
    public Response notStored(ErasureLog.ErasureNotStoredException e, UriInfo uri) {
        LOG.warnf("answering 503 on %s: %s", uri.getPath(), e.getCause() == null ? e.getMessage() : e.getCause().toString());
        return new Problem(URI.create("https://omnipulse.io/problems/kafka-unavailable"), "Event log unavailable", 503,
                "the erasure could not be stored; ask again", uri.getPath(), List.of()).toResponse(5);
    }
}

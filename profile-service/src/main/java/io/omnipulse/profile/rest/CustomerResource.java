package io.omnipulse.profile.rest;

import io.omnipulse.events.CustomersMerged;
import io.omnipulse.problem.Problem;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.profile.domain.JourneyEntry;
import io.omnipulse.profile.streams.ProfileQueries;
import io.omnipulse.queries.MergedIds;
import io.omnipulse.queries.OwnerForwarder;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.security.Roles;
import io.omnipulse.security.TeamScope;
import io.quarkus.security.ForbiddenException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer profiles by id or by any identifier the customer used; maps query results to HTTP. */
@RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.SERVICE})
@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
public class CustomerResource {

    @Inject
    ProfileQueries queries;

    @Inject
    OwnerForwarder forwarder;

    @Inject
    IdentifierOwners owners;

    @Inject
    SecurityIdentity caller;

    /** Set when the id asked for was merged: the survivor that answered instead. */
    public static final String MERGED_INTO_HEADER = MergedIds.MERGED_INTO_HEADER;
    /** Merged ids are re-pointed at the final survivor; a longer chain means merges are still settling. */
    static final int MAX_POINTERS = 3;

    @GET
    @Path("{id}")
    @Operation(summary = "The profile of one customer")
    @APIResponse(responseCode = "200", description = "The profile; for a merged id the survivor's, with header "
            + MERGED_INTO_HEADER,
            content = @Content(schema = @Schema(implementation = CustomerProfile.class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Profiles are being loaded or moved; see Retry-After")
    public Response byId(@PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam(OwnerForwarder.HOPS_HEADER) @DefaultValue("0") int hops) {
        return answer(id, profile -> profile, "", hops);
    }

    @GET
    @Path("{id}/journey")
    @Operation(summary = "The recent journey of one customer, oldest first by event time")
    @APIResponse(responseCode = "200", description = "The journey",
            content = @Content(schema = @Schema(implementation = JourneyEntry[].class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response journey(@PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam(OwnerForwarder.HOPS_HEADER) @DefaultValue("0") int hops) {
        return answer(id, CustomerProfile::journey, "/journey", hops);
    }

    @GET
    @Path("{id}/merges")
    @Operation(summary = "Merges into this customer, or the merge of this id into its survivor; latest last")
    @APIResponse(responseCode = "200", description = "The merges",
            content = @Content(schema = @Schema(implementation = CustomersMerged[].class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response merges(@PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam(OwnerForwarder.HOPS_HEADER) @DefaultValue("0") int hops) {
        QueryResult<CustomerRecord> result = queries.profile(id);
        if (result instanceof QueryResult.Found<CustomerRecord> found) {
            requireTeam(found.value().profile());
            return Response.ok(found.value().merges()).build();
        }
        if (result instanceof QueryResult.FoundElsewhere<CustomerRecord> elsewhere) {
            String path = UriBuilder.fromPath("/v1/customers/{id}/merges").build(id).toString();
            return forwarder.forward(elsewhere.host(), elsewhere.port(), path, hops);
        }
        throw new NotFoundException("no customer " + id);
    }

    @GET
    @Operation(summary = "The profile of the customer who used an identifier; give exactly one parameter")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = CustomerProfile.class)))
    @APIResponse(responseCode = "400", description = "None or several parameters, or an unusable value",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Nobody used that identifier",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response byIdentifier(@QueryParam("email") String email, @QueryParam("phone") String phone,
            @QueryParam("handle") String handle, @QueryParam("crmId") String crmId,
            @QueryParam("chatVisitorId") String chatVisitorId,
            @Parameter(hidden = true) @HeaderParam(OwnerForwarder.HOPS_HEADER) @DefaultValue("0") int hops,
            @Context UriInfo uri) {
        return lookUp(new IdentifierLookup(email, phone, handle, crmId, chatVisitorId), hops,
                elsewhere -> forwarder.forward(elsewhere.host(), elsewhere.port(),
                        OwnerForwarder.pathAndQuery(uri.getRequestUri()), hops));
    }

    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The profile of the customer who used an identifier, named in the body",
            description = "As GET /v1/customers?email=..., with the identifier out of the URL, so that proxies' and "
                    + "load balancers' access logs never hold it; give exactly one field.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = CustomerProfile.class)))
    @APIResponse(responseCode = "400", description = "None or several fields, or an unusable value",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Nobody used that identifier",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response lookUpByBody(IdentifierLookup body,
            @Parameter(hidden = true) @HeaderParam(OwnerForwarder.HOPS_HEADER) @DefaultValue("0") int hops) {
        IdentifierLookup lookup = body == null ? new IdentifierLookup(null, null, null, null, null) : body;
        // Forwarded as a POST too: the identifier stays out of the owner's URL as well.
        return lookUp(lookup, hops, elsewhere -> forwarder.forwardPost(elsewhere.host(), elsewhere.port(),
                "/v1/customers/lookup", lookup.toJson(), hops));
    }

    private Response lookUp(IdentifierLookup lookup, int hops,
            Function<QueryResult.FoundElsewhere<String>, Response> forwardToOwner) {
        return owners.answer(lookup, customerId -> answer(customerId, profile -> profile, "", hops), forwardToOwner);
    }

    /**
     * Follows a merged id to its survivor (a pointer is one hop long once merges settle) and answers
     * with the survivor, saying so in {@value #MERGED_INTO_HEADER} and Content-Location.
     *
     * @param suffix the sub-resource of the view, asked for by id when the owner is elsewhere
     */
    private Response answer(String customerId, Function<CustomerProfile, Object> view, String suffix, int hops) {
        MergedIds.Survivor<QueryResult<CustomerRecord>> survivor = MergedIds.follow(customerId, MAX_POINTERS,
                queries::profile, result -> result instanceof QueryResult.Found<CustomerRecord> found
                        && found.value().isMerged() ? found.value().mergedInto() : null);
        String id = survivor.id();
        String path = UriBuilder.fromPath("/v1/customers/{id}" + suffix).build(id).toString();
        Response response;
        if (survivor.lookup() instanceof QueryResult.Found<CustomerRecord> found) {
            requireTeam(found.value().profile());
            response = Response.ok(view.apply(found.value().profile())).build();
        } else if (survivor.lookup() instanceof QueryResult.FoundElsewhere<CustomerRecord> elsewhere) {
            // Asked by id even when this request was a lookup by identifier: the owner needs no index.
            response = forwarder.forward(elsewhere.host(), elsewhere.port(), path, hops);
        } else {
            throw new NotFoundException("no customer " + customerId);
        }
        return MergedIds.answeredFor(customerId, id, path, response);
    }

    /**
     * Agents and leads see the customers their teams dealt with lately (a team of the recent journey) and
     * those no team dealt with; admins and this system's services see all. Checked where the profile is,
     * so a forwarded query is checked by its owner with the caller's own token.
     */
    private void requireTeam(CustomerProfile profile) {
        if (profile != null && !TeamScope.sees(TeamScope.visibleTeams(caller), profile.journeyTeams())) {
            throw new ForbiddenException("this customer's recent contacts were with teams this caller is not in");
        }
    }
}

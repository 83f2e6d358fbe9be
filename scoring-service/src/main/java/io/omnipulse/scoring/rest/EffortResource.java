package io.omnipulse.scoring.rest;

import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem;
import io.omnipulse.queries.OwnerForwarder;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.streams.EffortQueries;
import io.omnipulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/** The behavioural effort index per channel, team or overall, what drives it, and its agreement with CES. */
@RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN, Roles.SERVICE})
@Path("/v1/effort")
@Produces(MediaType.APPLICATION_JSON)
public class EffortResource {

    private final EffortQueries queries;
    private final OwnerForwarder forwarder;

    public EffortResource(EffortQueries queries, OwnerForwarder forwarder) {
        this.queries = queries;
        this.forwarder = forwarder;
    }

    @GET
    @Operation(summary = "Mean behavioural effort index of the customers of a channel, team or everyone; its drivers",
            description = "A customer counts for the channel and team of their latest interaction. drivers says "
                    + "what drives the index: per signal (repeat contacts, channel switches, transfers, long "
                    + "waits, abandoned contacts, reopened conversations), the customers whose index has it and "
                    + "their share of the customers with an index, most common first, signals no customer has "
                    + "left out. A scope without customers answers 200 with customers = 0, meanIndex null and "
                    + "no drivers.")
    @APIResponse(responseCode = "200", description = "The mean index, its drivers and its agreement with CES",
            content = @Content(schema = @Schema(implementation = EffortSummary.class)))
    @APIResponse(responseCode = "400", description = "Scope not global, channel or team, or key missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response effort(@Parameter(description = "global (default), channel or team") @RestQuery String scope,
            @Parameter(description = "a channel or team; ignored for global") @RestQuery String key,
            @Parameter(hidden = true) @RestHeader(OwnerForwarder.FORWARDED_HEADER) String forwarded,
            @Context UriInfo uri) {
        ScopeKey scopeKey = scopeKey(scope, key);
        return answer(scopeKey, forwarded, uri, sum -> EffortSummary.of(scopeKey, sum));
    }

    @GET
    @Path("/agreement")
    @Operation(summary = "Agreement between the behavioural effort index and CES",
            description = "Pearson's r between each customer's index and their CES hardness (100 - mean ease), over "
                    + "the n customers of the scope who have both; null below 2 or without spread.")
    @APIResponse(responseCode = "200", description = "n and r",
            content = @Content(schema = @Schema(implementation = EffortSummary.Agreement.class)))
    public Response agreement(@Parameter(description = "global (default), channel or team") @RestQuery String scope,
            @Parameter(description = "a channel or team; ignored for global") @RestQuery String key,
            @Parameter(hidden = true) @RestHeader(OwnerForwarder.FORWARDED_HEADER) String forwarded,
            @Context UriInfo uri) {
        ScopeKey scopeKey = scopeKey(scope, key);
        return answer(scopeKey, forwarded, uri, sum -> EffortSummary.agreement(scopeKey, sum));
    }

    private Response answer(ScopeKey scopeKey, String forwarded, UriInfo uri, Function<EffortAggregate, Object> report) {
        QueryResult<EffortAggregate> lookup = queries.aggregate(scopeKey);
        if (lookup instanceof QueryResult.FoundElsewhere<EffortAggregate> elsewhere) {
            return forwarder.forwardOnce(elsewhere.host(), elsewhere.port(), uri.getRequestUri(), forwarded != null);
        }
        EffortAggregate sum = lookup instanceof QueryResult.Found<EffortAggregate> found ? found.value()
                : EffortAggregate.EMPTY;
        return Response.ok(report.apply(sum)).build();
    }

    private static ScopeKey scopeKey(String scope, String key) {
        ScopeKey parsed = ScoresResource.scopeKey(scope == null ? Scope.GLOBAL.wire() : scope, key);
        if (parsed.scope() != Scope.GLOBAL && parsed.scope() != Scope.CHANNEL && parsed.scope() != Scope.TEAM) {
            throw InvalidRequestException.field("scope", "effort is aggregated per global, channel or team");
        }
        return parsed;
    }
}

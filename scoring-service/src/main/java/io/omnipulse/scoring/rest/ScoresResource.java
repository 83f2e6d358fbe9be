package io.omnipulse.scoring.rest;

import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.streams.ScoreLookup;
import io.omnipulse.scoring.streams.ScoreQueries;
import io.omnipulse.scoring.streams.StoreNotQueryableException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/** Current all-time scores of one scope, read from the Kafka Streams state (possibly on another instance). */
@Path("/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
public class ScoresResource {

    private final ScoreQueries queries;
    private final OwnerForwarder forwarder;

    public ScoresResource(ScoreQueries queries, OwnerForwarder forwarder) {
        this.queries = queries;
        this.forwarder = forwarder;
    }

    @GET
    @Operation(summary = "NPS, CES and CSAT of one scope, all time",
            description = "Counts travel beside every score. A scope without responses yet answers 200 with "
                    + "n = 0 and null scores, not 404: \"what is the NPS of chat\" has an answer, \"no responses yet\". "
                    + "CES meanEase is on 0 (hardest) .. 100 (easiest); highEffortShare and csat.percent are percentages.")
    @APIResponse(responseCode = "200", description = "The scores",
            content = @Content(schema = @Schema(implementation = ScoreUpdated.class)))
    @APIResponse(responseCode = "400", description = "Unknown scope or invalid key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Scores not queryable yet (starting or rebalancing); see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response scores(
            @Parameter(description = "global or channel") @RestQuery String scope,
            @Parameter(description = "ignored for global; for channel one of email, chat, social, call") @RestQuery String key,
            @Parameter(hidden = true) @RestHeader(OwnerForwarder.FORWARDED_HEADER) String forwarded) {
        ScopeKey scopeKey = scopeKey(scope, key);
        ScoreLookup lookup = queries.lookup(scopeKey);
        if (lookup instanceof ScoreLookup.Found found) {
            return Response.ok(found.tally().toScoreUpdated(scopeKey, ScoreTally.ALL_TIME, found.updatedAt())).build();
        }
        if (lookup instanceof ScoreLookup.FoundElsewhere elsewhere) {
            if (forwarded != null) {
                // The sender thought we own the key and we think it is elsewhere: ownership is moving.
                throw new StoreNotQueryableException("the owner of " + scopeKey + " is changing (rebalancing)", null);
            }
            return forwarder.forward(elsewhere.host(), elsewhere.port(), scopeKey);
        }
        return Response.ok(ScoreTally.EMPTY.toScoreUpdated(scopeKey, ScoreTally.ALL_TIME, null)).build();
    }

    private static ScopeKey scopeKey(String scope, String key) {
        Scope parsed;
        try {
            parsed = Scope.fromWire(scope);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("scope", scope == null ? "is required; one of " + Scope.allowed()
                    : e.getMessage());
        }
        try {
            return new ScopeKey(parsed, parsed.normaliseKey(key));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("key", e.getMessage());
        }
    }
}

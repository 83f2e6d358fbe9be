package io.omnipulse.scoring.rest;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem;
import io.omnipulse.queries.OwnerForwarder;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.scoring.domain.ChannelConsistency;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.Window;
import io.omnipulse.scoring.streams.ScoreLookup;
import io.omnipulse.scoring.streams.ScoreQueries;
import io.omnipulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Channel consistency: each channel's scores (scope channel overall, team-channel within a team)
 * are read from their owners, which may be several instances, and compared.
 */
@RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN, Roles.SERVICE})
@Path("/v1/scores/consistency")
@Produces(MediaType.APPLICATION_JSON)
public class ConsistencyResource {

    private final ScoreQueries queries;
    private final OwnerForwarder forwarder;

    public ConsistencyResource(ScoreQueries queries, OwnerForwarder forwarder) {
        this.queries = queries;
        this.forwarder = forwarder;
    }

    @GET
    @Operation(summary = "Spread between the best and the worst channel's NPS and mean ease, overall or in a team",
            description = "Only channels with responses to a metric take part; spread is null with fewer than two.")
    @APIResponse(responseCode = "200", description = "Best, worst and spread per metric",
            content = @Content(schema = @Schema(implementation = ConsistencyReport.class)))
    @APIResponse(responseCode = "400", description = "Scope not global or team, team missing, unknown window",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConsistencyReport consistency(
            @Parameter(description = "global (default) or team") @RestQuery String scope,
            @Parameter(description = "the team; ignored for global") @RestQuery String key,
            @Parameter(description = "7d, 30d (default), 90d or all") @RestQuery String window,
            @Parameter(description = "end of a trailing window, ISO-8601 instant; default now") @RestQuery String at) {
        ScopeKey of = ScoresResource.scopeKey(scope == null ? Scope.GLOBAL.wire() : scope, key);
        if (of.scope() != Scope.GLOBAL && of.scope() != Scope.TEAM) {
            throw InvalidRequestException.field("scope", "channel consistency is per global or team");
        }
        Window parsed = ScoresResource.parse("window", window == null ? Window.DAYS_30.wire() : window, Window::fromWire);
        Instant end = at == null ? Instant.now() : ScoresResource.parse("at", at, Instant::parse);
        Map<Channel, ScoreUpdated> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            ScopeKey channelKey = of.scope() == Scope.GLOBAL ? new ScopeKey(Scope.CHANNEL, channel.wire())
                    : new ScopeKey(Scope.TEAM_CHANNEL, Scope.of(channel, of.key()));
            byChannel.put(channel, read(channelKey, parsed, end));
        }
        ChannelConsistency consistency = ChannelConsistency.of(byChannel);
        return new ConsistencyReport(of.scope().wire(), of.key(), parsed.wire(), consistency.nps(), consistency.ease());
    }

    /** One scope key's scores over the window, here or from its owner; null when it has no responses. */
    private ScoreUpdated read(ScopeKey scope, Window window, Instant end) {
        QueryResult<ScoreLookup> lookup = queries.lookup(scope);
        if (lookup instanceof QueryResult.Found<ScoreLookup> found) {
            return ScoresResource.window(scope, found.value().totals(), found.value().bucket(), window, end);
        }
        if (lookup instanceof QueryResult.FoundElsewhere<ScoreLookup> elsewhere) {
            String body = forwarder.fetch(elsewhere.host(), elsewhere.port(), "/v1/scores", Map.of(
                    "scope", scope.scope().wire(), "key", scope.key(), "window", window.wire(), "at", end.toString()), 0);
            return body == null ? null : CustomersResource.read(body, ScoreUpdated.class);
        }
        return null;
    }
}

package io.omnipulse.scoring.rest;

import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem;
import io.omnipulse.queries.OwnerForwarder;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.domain.Window;
import io.omnipulse.scoring.streams.ScoreLookup;
import io.omnipulse.scoring.streams.ScoreQueries;
import io.omnipulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/** Scores of one scope key, per window and as a trend, read from the Kafka Streams state (possibly on another instance). */
@RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN, Roles.SERVICE})
@Path("/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
public class ScoresResource {

    /** The longest trend one request may ask for. */
    static final int MAX_TREND_DAYS = 366;

    private final ScoreQueries queries;
    private final OwnerForwarder forwarder;

    public ScoresResource(ScoreQueries queries, OwnerForwarder forwarder) {
        this.queries = queries;
        this.forwarder = forwarder;
    }

    @GET
    @Operation(summary = "NPS, CES and CSAT of one scope key over one window",
            description = "Counts travel beside every score. A scope without responses yet answers 200 with "
                    + "n = 0 and null scores, not 404: \"what is the NPS of chat\" has an answer, \"no responses yet\". "
                    + "CES meanEase is on 0 (hardest) .. 100 (easiest); highEffortShare and csat.percent are percentages. "
                    + "A trailing window of N days covers the N UTC days of event time ending with the day of 'at' "
                    + "(default now); updatedAt is that end. Window all counts every response, late ones included.")
    @APIResponse(responseCode = "200", description = "The scores",
            content = @Content(schema = @Schema(implementation = ScoreUpdated.class)))
    @APIResponse(responseCode = "400", description = "Unknown scope or window, invalid key or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Scores not queryable yet (starting or rebalancing); see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response scores(
            @Parameter(description = "global, channel, team, agent or customer") @RestQuery String scope,
            @Parameter(description = "ignored for global; a channel (email, chat, social, call), team, agent id or customer id")
            @RestQuery String key,
            @Parameter(description = "7d, 30d, 90d or all (default)") @RestQuery String window,
            @Parameter(description = "end of a trailing window, ISO-8601 instant; default now") @RestQuery String at,
            @Parameter(hidden = true) @RestHeader(OwnerForwarder.FORWARDED_HEADER) String forwarded,
            @Context UriInfo uri) {
        ScopeKey scopeKey = scopeKey(scope, key);
        Window parsedWindow = parse("window", window == null ? Window.ALL.wire() : window, Window::fromWire);
        Instant end = at == null ? Instant.now() : parse("at", at, Instant::parse);
        return answer(scopeKey, forwarded, uri, (totals, bucket) -> window(scopeKey, totals, bucket, parsedWindow, end));
    }

    /** The scores of one window: all time from the totals, a trailing window from the day buckets ending at {@code end}. */
    static ScoreUpdated window(ScopeKey scopeKey, ScopeTotals totals, LongFunction<ScoreTally> bucket, Window window,
            Instant end) {
        if (window == Window.ALL) {
            return totals.all().toScoreUpdated(scopeKey, Window.ALL.wire(),
                    totals.updatedAt() == 0 ? null : Instant.ofEpochMilli(totals.updatedAt()));
        }
        ScoreTally tally = DayBuckets.trailing(DayBuckets.dayOf(end.toEpochMilli()), bucket).get(window);
        return tally.toScoreUpdated(scopeKey, window.wire(), end);
    }

    @GET
    @Path("/trend")
    @Operation(summary = "A time series of one metric of one scope key, by day or ISO week",
            description = "Each point sums the responses given on its UTC days of event time. lateEvents counts "
                    + "responses that came after the grace period; they are in window all, in no point. Days older "
                    + "than 90 days plus the grace before the latest event are purged and read as empty.")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(schema = @Schema(implementation = TrendReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid scope, key, metric, bucket or dates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response trend(
            @Parameter(description = "global, channel, team, agent or customer") @RestQuery String scope,
            @Parameter(description = "the scope's key, as for /v1/scores") @RestQuery String key,
            @Parameter(description = "nps, ces or csat") @RestQuery String metric,
            @Parameter(description = "day (default) or week") @RestQuery String bucket,
            @Parameter(description = "first day, YYYY-MM-DD; default 29 days before to") @RestQuery String from,
            @Parameter(description = "last day, YYYY-MM-DD; default today (UTC)") @RestQuery String to,
            @Parameter(hidden = true) @RestHeader(OwnerForwarder.FORWARDED_HEADER) String forwarded,
            @Context UriInfo uri) {
        ScopeKey scopeKey = scopeKey(scope, key);
        if (metric == null) {
            throw InvalidRequestException.field("metric", "is required; one of nps, ces, csat");
        }
        Metric parsedMetric = parse("metric", metric, Metric::fromWire);
        String size = bucket == null ? "day" : bucket.trim().toLowerCase(java.util.Locale.ROOT);
        if (!size.equals("day") && !size.equals("week")) {
            throw InvalidRequestException.field("bucket", "'" + bucket + "' is not one of day, week");
        }
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : parse("to", to, LocalDate::parse);
        LocalDate first = from == null ? last.minusDays(29) : parse("from", from, LocalDate::parse);
        if (first.isAfter(last)) {
            throw InvalidRequestException.field("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_TREND_DAYS) {
            throw InvalidRequestException.field("from", "the range may span at most " + MAX_TREND_DAYS + " days");
        }
        return answer(scopeKey, forwarded, uri, (totals, buckets) -> new TrendReport(scopeKey.scope().wire(),
                scopeKey.key(), parsedMetric.wire(), size, first, last, totals.lateEvents(),
                DayBuckets.trend(first, last, size.equals("week"), buckets).stream().map(span -> {
                    ScoreUpdated s = span.tally().toScoreUpdated(scopeKey, "trend", null);
                    return new TrendReport.Point(span.first(), span.last(), parsedMetric == Metric.NPS ? s.nps() : null,
                            parsedMetric == Metric.CES ? s.ces() : null, parsedMetric == Metric.CSAT ? s.csat() : null);
                }).toList()));
    }

    /** What a report makes of a scope key's state; a key without responses reads as empty. */
    interface Report {
        Object of(ScopeTotals totals, LongFunction<ScoreTally> bucket);
    }

    private Response answer(ScopeKey scopeKey, String forwarded, UriInfo uri, Report report) {
        QueryResult<ScoreLookup> lookup = queries.lookup(scopeKey);
        if (lookup instanceof QueryResult.Found<ScoreLookup> found) {
            return Response.ok(report.of(found.value().totals(), found.value().bucket())).build();
        }
        if (lookup instanceof QueryResult.FoundElsewhere<ScoreLookup> elsewhere) {
            return forwarder.forwardOnce(elsewhere.host(), elsewhere.port(), uri.getRequestUri(), forwarded != null);
        }
        return Response.ok(report.of(ScopeTotals.EMPTY, day -> null)).build();
    }

    static <T> T parse(String field, String raw, Function<String, T> parser) {
        try {
            return parser.apply(raw.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw InvalidRequestException.field(field, e.getMessage());
        }
    }

    static ScopeKey scopeKey(String scope, String key) {
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

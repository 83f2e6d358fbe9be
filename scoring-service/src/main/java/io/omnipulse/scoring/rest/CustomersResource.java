package io.omnipulse.scoring.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.serde.EventJson;
import io.omnipulse.problem.Problem;
import io.omnipulse.queries.MergedIds;
import io.omnipulse.queries.OwnerForwarder;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.queries.StoreNotQueryableException;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.Window;
import io.omnipulse.scoring.streams.EffortQueries;
import io.omnipulse.scoring.streams.ScoreLookup;
import io.omnipulse.scoring.streams.ScoreQueries;
import io.omnipulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * One customer's scores and effort. Their customer-scope tallies and their effort state are
 * partitioned differently (by scope key and by customer id). The owner of the tallies answers the
 * whole of /scores in one call: every window from its own stores, and the effort read here or from
 * its owner. A merged id answers for its survivor: the end of its chain of merges, each hop read
 * where that id's pointer lives.
 */
@RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN, Roles.SERVICE})
@Path("/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    /** Set when the id asked for was merged: the survivor that answered instead. */
    public static final String MERGED_INTO_HEADER = MergedIds.MERGED_INTO_HEADER;
    /**
     * The most merges in a row followed from an id. Pointers are not re-pointed (A into B, then B into
     * C keeps A -> B), so a chain is as long as the person's history of merges; a longer one is a loop
     * from bad merge events, or still settling.
     */
    static final int MAX_MERGE_HOPS = 5;

    private final ScoreQueries scores;
    private final EffortQueries effort;
    private final OwnerForwarder forwarder;

    public CustomersResource(ScoreQueries scores, EffortQueries effort, OwnerForwarder forwarder) {
        this.scores = scores;
        this.effort = effort;
        this.forwarder = forwarder;
    }

    @GET
    @Path("/scores")
    @Operation(summary = "A customer's NPS, CES and CSAT per window (7d, 30d, 90d, all) with their effort index",
            description = "Trailing windows end today (UTC, event time). effort lists the drivers of the index in words. "
                    + "A merged id answers with its survivor's scores and id, and names the survivor in "
                    + MERGED_INTO_HEADER + ".")
    @APIResponse(responseCode = "200", description = "The scores and the effort index",
            content = @Content(schema = @Schema(implementation = CustomerScores.class)))
    @APIResponse(responseCode = "404", description = "No interaction and no response of this customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response scores(@RestPath String id,
            @Parameter(hidden = true) @RestHeader(OwnerForwarder.FORWARDED_HEADER) String forwarded) {
        String asked = Scope.CUSTOMER.normaliseKey(id);
        // A forwarded /scores names the survivor already: the instance that forwarded it followed the merges.
        String customer = forwarded != null ? asked : survivorOf(asked, null);
        ScopeKey scope = new ScopeKey(Scope.CUSTOMER, customer);
        QueryResult<ScoreLookup> tallies = scores.lookup(scope);
        if (tallies instanceof QueryResult.FoundElsewhere<ScoreLookup> elsewhere) {
            return answeredFor(asked, customer, "/scores", forwarder.forwardOnce(elsewhere.host(), elsewhere.port(),
                    path(customer, "/scores"), forwarded != null));
        }
        EffortReport report = effortOf(customer, forwarded == null ? 0 : 1);
        if (!(tallies instanceof QueryResult.Found<ScoreLookup>) && report == null) {
            throw new NotFoundException("no interaction and no response of customer " + customer);
        }
        ScoreLookup found = tallies instanceof QueryResult.Found<ScoreLookup> f ? f.value()
                : new ScoreLookup(ScopeTotals.EMPTY, day -> null);
        Instant end = Instant.now();
        Map<String, ScoreUpdated> windows = new LinkedHashMap<>();
        for (Window w : Window.values()) {
            windows.put(w.wire(), ScoresResource.window(scope, found.totals(), found.bucket(), w, end));
        }
        return answeredFor(asked, customer, "/scores", Response.ok(new CustomerScores(customer, windows, report)).build());
    }

    @GET
    @Path("/effort")
    @Operation(summary = "A customer's behavioural effort index (0..100) and its drivers",
            description = "A merged id answers with its survivor's index and id, and names the survivor in "
                    + MERGED_INTO_HEADER + ".")
    @APIResponse(responseCode = "200", description = "The index",
            content = @Content(schema = @Schema(implementation = EffortReport.class)))
    @APIResponse(responseCode = "404", description = "No interaction of this customer yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response effort(@RestPath String id,
            @Parameter(hidden = true) @RestHeader(OwnerForwarder.FORWARDED_HEADER) String forwarded) {
        String asked = Scope.CUSTOMER.normaliseKey(id);
        String customer = survivorOf(asked, forwarded);
        QueryResult<EffortState> lookup = effort.customer(customer);
        if (lookup instanceof QueryResult.FoundElsewhere<EffortState> elsewhere) {
            return answeredFor(asked, customer, "/effort", forwarder.forwardOnce(elsewhere.host(), elsewhere.port(),
                    path(customer, "/effort"), forwarded != null));
        }
        if (lookup instanceof QueryResult.Found<EffortState> found && found.value().index() != null) {
            return answeredFor(asked, customer, "/effort", Response.ok(EffortReport.of(customer, found.value())).build());
        }
        throw new NotFoundException("no interaction of customer " + customer + " yet");
    }

    @GET
    @Path("/merged-into")
    @Operation(summary = "The customer this id was merged into, one hop",
            description = "The survivor may have been merged since: ask again with its id to follow the chain.")
    @APIResponse(responseCode = "200", description = "The merge pointer",
            content = @Content(schema = @Schema(implementation = MergePointer.class)))
    @APIResponse(responseCode = "404", description = "This id was not merged (or longer ago than the merge retention)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response mergedInto(@RestPath String id,
            @Parameter(hidden = true) @RestHeader(OwnerForwarder.FORWARDED_HEADER) String forwarded) {
        String customer = Scope.CUSTOMER.normaliseKey(id);
        QueryResult<String> lookup = effort.survivorOf(customer);
        if (lookup instanceof QueryResult.FoundElsewhere<String> elsewhere) {
            return forwarder.forwardOnce(elsewhere.host(), elsewhere.port(), path(customer, "/merged-into"),
                    forwarded != null);
        }
        if (lookup instanceof QueryResult.Found<String> found) {
            return Response.ok(new MergePointer(customer, found.value())).build();
        }
        throw new NotFoundException("customer " + customer + " was not merged");
    }

    /**
     * The customer that answers for {@code customer}: itself, or the end of its chain of merges. A hop
     * whose pointer lives on another instance is read there, unless this request was forwarded already
     * (then ownership is moving, and the caller retries).
     */
    private String survivorOf(String customer, String forwarded) {
        return MergedIds.follow(customer, MAX_MERGE_HOPS, id -> pointerOf(id, forwarded), next -> next).id();
    }

    /** The survivor {@code customer} was merged into, one hop, read where its pointer lives; null if none. */
    private String pointerOf(String customer, String forwarded) {
        QueryResult<String> lookup = effort.survivorOf(customer);
        if (lookup instanceof QueryResult.Found<String> found) {
            return found.value();
        }
        if (lookup instanceof QueryResult.FoundElsewhere<String> elsewhere) {
            if (forwarded != null) {
                throw new StoreNotQueryableException("the owner of " + customer + " is changing (rebalancing)", null);
            }
            String body = forwarder.fetch(elsewhere.host(), elsewhere.port(), path(customer, "/merged-into"), Map.of(), 0);
            return body == null ? null : read(body, MergePointer.class).survivorId();
        }
        return null;
    }

    /** The answer for the survivor; for a merged id, naming the survivor as profile-service does. */
    private static Response answeredFor(String asked, String customer, String suffix, Response answer) {
        return MergedIds.answeredFor(asked, customer, path(customer, suffix), answer);
    }

    /** The customer's effort report, read here or from its owner as the {@code hops}-th forward; null if none yet. */
    private EffortReport effortOf(String customer, int hops) {
        QueryResult<EffortState> lookup = effort.customer(customer);
        if (lookup instanceof QueryResult.Found<EffortState> found && found.value().index() != null) {
            return EffortReport.of(customer, found.value());
        }
        if (lookup instanceof QueryResult.FoundElsewhere<EffortState> elsewhere) {
            String body = forwarder.fetch(elsewhere.host(), elsewhere.port(), path(customer, "/effort"), Map.of(), hops);
            return body == null ? null : read(body, EffortReport.class);
        }
        return null;
    }

    /** The raw path of a customer's sub-resource: ids are "cus-<hex>", but callers may send anything. */
    private static String path(String customer, String suffix) {
        return "/v1/customers/" + OwnerForwarder.segment(customer) + suffix;
    }

    static <T> T read(String body, Class<T> type) {
        try {
            return EventJson.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new StoreNotQueryableException("the owning instance answered unreadable JSON: " + e.getMessage(), e);
        }
    }
}

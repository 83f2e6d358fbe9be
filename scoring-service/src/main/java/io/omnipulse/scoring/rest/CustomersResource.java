package io.omnipulse.scoring.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.serde.EventJson;
import io.omnipulse.problem.Problem;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.Window;
import io.omnipulse.scoring.streams.EffortQueries;
import io.omnipulse.scoring.streams.ScoreLookup;
import io.omnipulse.scoring.streams.ScoreQueries;
import io.omnipulse.scoring.streams.StateLookup;
import io.omnipulse.scoring.streams.StoreNotQueryableException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * partitioned differently (by scope key and by customer id), so each part is read from its owner,
 * which may be another instance. A merged id answers for its survivor: the end of its chain of
 * merges, each hop read where that id's pointer lives.
 */
@Path("/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    /** Set when the id asked for was merged: the survivor that answered instead. */
    public static final String MERGED_INTO_HEADER = "X-Omnipulse-Merged-Into";
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
    public Response scores(@RestPath String id) {
        String asked = Scope.CUSTOMER.normaliseKey(id);
        String customer = survivorOf(asked, null);
        ScopeKey scope = new ScopeKey(Scope.CUSTOMER, customer);
        Map<String, ScoreUpdated> windows = windows(scope, Instant.now());
        EffortReport report = effortOf(customer);
        if (windows == null && report == null) {
            throw new NotFoundException("no interaction and no response of customer " + customer);
        }
        if (windows == null) {
            windows = new LinkedHashMap<>();
            for (Window w : Window.values()) {
                windows.put(w.wire(), ScoresResource.window(scope, io.omnipulse.scoring.domain.ScopeTotals.EMPTY,
                        day -> null, w, Instant.now()));
            }
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
        StateLookup<EffortState> lookup = effort.customer(customer);
        if (lookup instanceof StateLookup.FoundElsewhere<EffortState> elsewhere) {
            if (forwarded != null) {
                throw rebalancing(customer);
            }
            return answeredFor(asked, customer, "/effort",
                    forwarder.forward(elsewhere.host(), elsewhere.port(), path(customer, "/effort"), null));
        }
        if (lookup instanceof StateLookup.Found<EffortState> found && found.value().index() != null) {
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
        StateLookup<String> lookup = effort.survivorOf(customer);
        if (lookup instanceof StateLookup.FoundElsewhere<String> elsewhere) {
            if (forwarded != null) {
                throw rebalancing(customer);
            }
            return forwarder.forward(elsewhere.host(), elsewhere.port(), path(customer, "/merged-into"), null);
        }
        if (lookup instanceof StateLookup.Found<String> found) {
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
        String current = customer;
        for (int hops = 0; hops <= MAX_MERGE_HOPS; hops++) {
            StateLookup<String> lookup = effort.survivorOf(current);
            String next = null;
            if (lookup instanceof StateLookup.Found<String> found) {
                next = found.value();
            } else if (lookup instanceof StateLookup.FoundElsewhere<String> elsewhere) {
                if (forwarded != null) {
                    throw rebalancing(current);
                }
                String body = forwarder.fetch(elsewhere.host(), elsewhere.port(), path(current, "/merged-into"), Map.of());
                next = body == null ? null : read(body, MergePointer.class).survivorId();
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        throw new StoreNotQueryableException("customer " + customer + " was merged more than " + MAX_MERGE_HOPS
                + " times in a row (merges still settling, or a loop of merges)", null);
    }

    /** The answer for the survivor; for a merged id, naming the survivor as profile-service does. */
    private static Response answeredFor(String asked, String customer, String suffix, Response answer) {
        if (asked.equals(customer)) {
            return answer;
        }
        return Response.fromResponse(answer)
                .header(MERGED_INTO_HEADER, customer)
                .header(HttpHeaders.CONTENT_LOCATION, path(customer, suffix))
                .build();
    }

    private static StoreNotQueryableException rebalancing(String customer) {
        return new StoreNotQueryableException("the owner of " + customer + " is changing (rebalancing)", null);
    }

    /** The customer's windows, read here or from the owner of their tallies; null when they gave no response. */
    private Map<String, ScoreUpdated> windows(ScopeKey scope, Instant end) {
        ScoreLookup lookup = scores.lookup(scope);
        Map<String, ScoreUpdated> windows = new LinkedHashMap<>();
        if (lookup instanceof ScoreLookup.NotFound) {
            return null;
        }
        for (Window w : Window.values()) {
            if (lookup instanceof ScoreLookup.Found found) {
                windows.put(w.wire(), ScoresResource.window(scope, found.totals(), found.bucket(), w, end));
            } else if (lookup instanceof ScoreLookup.FoundElsewhere elsewhere) {
                String body = forwarder.fetch(elsewhere.host(), elsewhere.port(), "/v1/scores", Map.of(
                        "scope", "customer", "key", scope.key(), "window", w.wire(), "at", end.toString()));
                windows.put(w.wire(), read(body, ScoreUpdated.class));
            }
        }
        return windows;
    }

    private EffortReport effortOf(String customer) {
        StateLookup<EffortState> lookup = effort.customer(customer);
        if (lookup instanceof StateLookup.Found<EffortState> found && found.value().index() != null) {
            return EffortReport.of(customer, found.value());
        }
        if (lookup instanceof StateLookup.FoundElsewhere<EffortState> elsewhere) {
            String body = forwarder.fetch(elsewhere.host(), elsewhere.port(), path(customer, "/effort"), Map.of());
            return body == null ? null : read(body, EffortReport.class);
        }
        return null;
    }

    /** The raw path of a customer's sub-resource: ids are "cus-<hex>", but callers may send anything. */
    private static String path(String customer, String suffix) {
        return "/v1/customers/" + URLEncoder.encode(customer, StandardCharsets.UTF_8).replace("+", "%20") + suffix;
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return EventJson.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new StoreNotQueryableException("the owning instance answered unreadable JSON: " + e.getMessage(), e);
        }
    }
}

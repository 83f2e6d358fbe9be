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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * One customer's scores and effort. Their customer-scope tallies and their effort state are
 * partitioned differently (by scope key and by customer id), so each part is read from its owner,
 * which may be another instance.
 */
@Path("/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

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
            description = "Trailing windows end today (UTC, event time). effort lists the drivers of the index in words.")
    @APIResponse(responseCode = "200", description = "The scores and the effort index",
            content = @Content(schema = @Schema(implementation = CustomerScores.class)))
    @APIResponse(responseCode = "404", description = "No interaction and no response of this customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerScores scores(@RestPath String id) {
        ScopeKey scope = new ScopeKey(Scope.CUSTOMER, Scope.CUSTOMER.normaliseKey(id));
        Map<String, ScoreUpdated> windows = windows(scope, Instant.now());
        EffortReport report = effortOf(scope.key());
        if (windows == null && report == null) {
            throw new NotFoundException("no interaction and no response of customer " + scope.key());
        }
        if (windows == null) {
            windows = new LinkedHashMap<>();
            for (Window w : Window.values()) {
                windows.put(w.wire(), ScoresResource.window(scope, io.omnipulse.scoring.domain.ScopeTotals.EMPTY,
                        day -> null, w, Instant.now()));
            }
        }
        return new CustomerScores(scope.key(), windows, report);
    }

    @GET
    @Path("/effort")
    @Operation(summary = "A customer's behavioural effort index (0..100) and its drivers")
    @APIResponse(responseCode = "200", description = "The index",
            content = @Content(schema = @Schema(implementation = EffortReport.class)))
    @APIResponse(responseCode = "404", description = "No interaction of this customer yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response effort(@RestPath String id,
            @RestHeader(OwnerForwarder.FORWARDED_HEADER) String forwarded) {
        String customer = Scope.CUSTOMER.normaliseKey(id);
        StateLookup<EffortState> lookup = effort.customer(customer);
        if (lookup instanceof StateLookup.FoundElsewhere<EffortState> elsewhere) {
            if (forwarded != null) {
                throw new StoreNotQueryableException("the owner of " + customer + " is changing (rebalancing)", null);
            }
            // The raw path of a relayed request must be encoded; ids are "cus-<hex>", but callers may send anything.
            return forwarder.forward(elsewhere.host(), elsewhere.port(),
                    effortPath(URLEncoder.encode(customer, StandardCharsets.UTF_8).replace("+", "%20")), null);
        }
        if (lookup instanceof StateLookup.Found<EffortState> found && found.value().index() != null) {
            return Response.ok(EffortReport.of(customer, found.value())).build();
        }
        throw new NotFoundException("no interaction of customer " + customer + " yet");
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
                String body = forwarder.fetch(elsewhere.host(), elsewhere.port(), "/v1/scores", java.util.Map.of(
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
            String body = forwarder.fetch(elsewhere.host(), elsewhere.port(), effortPath(customer), java.util.Map.of());
            return body == null ? null : read(body, EffortReport.class);
        }
        return null;
    }

    private static String effortPath(String customer) {
        return "/v1/customers/" + customer + "/effort";
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return EventJson.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new StoreNotQueryableException("the owning instance answered unreadable JSON: " + e.getMessage(), e);
        }
    }
}

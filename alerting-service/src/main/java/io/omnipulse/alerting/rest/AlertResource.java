package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertFilter;
import io.omnipulse.alerting.service.AlertQueries;
import io.omnipulse.alerting.service.AlertStats;
import io.omnipulse.problem.Problem;
import io.omnipulse.security.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The alert queue that support leads work from, and its closed-loop KPIs. */
@Path("/v1/alerts")
@RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
@APIResponse(responseCode = "401", description = "No bearer token, or one that is not valid",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles or teams do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    /** Triggers and audit entries on an alert's detail: the latest of each (the rest through their pages). */
    static final int DETAIL_ENTRIES = 100;

    private final AlertQueries queries;
    private final AlertStats stats;

    private final Caller caller;

    public AlertResource(AlertQueries queries, AlertStats stats, Caller caller) {
        this.caller = caller;
        this.queries = queries;
        this.stats = stats;
    }

    @GET
    @Operation(summary = "List alerts, newest or most urgent first", description = "Filters are optional and combine "
            + "with AND; status (one or several, comma-separated: open,acknowledged,escalated is every unresolved "
            + "alert), cause and severity are case-insensitive. sort=newest (the default: by the event time of the "
            + "opening trigger) or sort=urgency (most severe first, then the nearest deadline, overdue ones first, "
            + "then the newest). Only alerts of the caller's teams (and of no team) are listed, every alert for an "
            + "admin. Each item carries contact, how to reach the customer: its best is the label for the row. total "
            + "counts the matches exactly up to 1,000 past the page's first alert (totalExact true); beyond, it is "
            + "that bound and totalExact is false: show it as \"1,000+\".")
    @APIResponse(responseCode = "200", description = "One page of alerts")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertPage list(@QueryParam("status") String status, @QueryParam("cause") String cause,
            @QueryParam("severity") String severity, @QueryParam("team") String team,
            @QueryParam("customerId") String customerId, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        // Parameters arrive as text so that a bad value is our 400 naming it, not a generic 404.
        AlertFilter filter = new AlertFilter(
                QueryParams.enumValues("status", status, AlertStatus.class),
                QueryParams.enumValue("cause", cause, AlertCause.class),
                QueryParams.enumValue("severity", severity, AlertSeverity.class),
                QueryParams.text(team),
                QueryParams.text(customerId),
                caller.visibleTeams(),
                Optional.ofNullable(QueryParams.enumValue("sort", sort, AlertFilter.Order.class))
                        .orElse(AlertFilter.Order.NEWEST));
        Paging paging = Paging.of(page, size);
        AlertQueries.Page<Alert> result = queries.search(filter, paging.index(), paging.size());
        List<AlertView> items = result.items().stream().map(AlertView::summary).toList();
        return new AlertPage(items, paging.index(), paging.size(), result.total(), result.exact());
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Closed-loop KPIs", description = "Unresolved alerts by cause and severity (however old); and, "
            + "of the alerts raised in the last days= days (30 by default, at most 366), median seconds to acknowledge "
            + "and to resolve and the share of detractors reached within 48 hours. Of every alert, or with team= of "
            + "that team's alerts only (agents and leads: one of their own teams, else 403).")
    @APIResponse(responseCode = "200", description = "The KPIs now")
    @APIResponse(responseCode = "400", description = "days is not a whole number from 1 to 366; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The team is not one of the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertStats.Snapshot stats(@QueryParam("team") String team, @QueryParam("days") String days) {
        String ofTeam = QueryParams.text(team);
        int period = QueryParams.intValue("days", days, AlertStats.DEFAULT_DAYS, 1, AlertStats.MAX_DAYS);
        if (ofTeam != null && !caller.mayReadNumbersOf(ofTeam)) {
            throw new ForbiddenException();
        }
        return stats.snapshot(ofTeam, period);
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(summary = "One alert with its context, its latest triggers and its latest audit entries",
            description = "journey and scores are the customer's recent journey (profile-service) and 30-day scores "
                    + "(scoring-service), fetched after the alert was raised; context.status says whether they are "
                    + "there (FETCHED), coming (PENDING), off (DISABLED) or could not be had (UNAVAILABLE). contact "
                    + "says how to reach the customer: the identifiers of the triggering events, filled in from the "
                    + "customer's profile with the context. triggers and history hold the latest " + DETAIL_ENTRIES
                    + " of each (a team's NPS drop gains a trigger with each score update while it lasts); "
                    + "triggersComplete and historyComplete say whether that is all of them, and /triggers and "
                    + "/history page through every one.")
    @APIResponse(responseCode = "200", description = "The alert")
    @APIResponse(responseCode = "404", description = "No alert has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertView get(@PathParam("id") long id) {
        AlertQueries.Detail detail = caller.visibleDetail(id, DETAIL_ENTRIES);
        return AlertView.of(detail.alert(), detail.context(), detail.triggers().map(TriggerView::of),
                detail.history().map(AuditView::of));
    }

    @GET
    @Path("/{id: \\d+}/triggers")
    @Operation(summary = "Every trigger of one alert, a page at a time, in event-time order")
    @APIResponse(responseCode = "200", description = "One page of triggers; more says whether later ones follow")
    @APIResponse(responseCode = "400", description = "page or size is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No alert has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EntryPage<TriggerView> triggers(@PathParam("id") long id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        caller.visibleAlert(id);
        Paging paging = Paging.of(page, size);
        return EntryPage.of(queries.triggersOf(id, paging.index(), paging.size()).map(TriggerView::of), paging);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(summary = "The whole audit trail of one alert, a page at a time, oldest first")
    @APIResponse(responseCode = "200", description = "One page of audit entries; more says whether later ones follow")
    @APIResponse(responseCode = "400", description = "page or size is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No alert has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EntryPage<AuditView> history(@PathParam("id") long id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        caller.visibleAlert(id);
        Paging paging = Paging.of(page, size);
        return EntryPage.of(queries.historyOf(id, paging.index(), paging.size()).map(AuditView::of), paging);
    }

    @GET
    @Path("/{id: \\d+}/deliveries")
    @Operation(summary = "The notification delivery log of one alert")
    @APIResponse(responseCode = "200", description = "Deliveries, oldest first")
    public List<DeliveryView> deliveries(@PathParam("id") long id) {
        caller.visibleAlert(id);
        return queries.deliveriesOf(id).stream().map(DeliveryView::of).toList();
    }

    /** A page asked for: its size (default 50, at most 200) and index, each a 400 naming it when invalid. */
    record Paging(int index, int size) {

        static Paging of(String page, String size) {
            int pageSize = QueryParams.intValue("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
            // Bounded so that page x size (the SQL offset), and one row more, cannot overflow an int.
            return new Paging(QueryParams.intValue("page", page, 0, 0, Integer.MAX_VALUE / pageSize - 1), pageSize);
        }
    }
}

package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertFilter;
import io.omnipulse.alerting.service.AlertService;
import io.omnipulse.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The alert queue that support leads work from. Read-only for now. */
@Path("/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    private final AlertService service;

    public AlertResource(AlertService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List alerts, newest first", description = "Filters are optional and combine with AND; "
            + "status and cause are case-insensitive.")
    @APIResponse(responseCode = "200", description = "One page of alerts")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertPage list(@QueryParam("status") String status, @QueryParam("cause") String cause,
            @QueryParam("customerId") String customerId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        // Parameters arrive as text so that a bad value is our 400 naming it, not a generic 404.
        AlertFilter filter = new AlertFilter(
                QueryParams.enumValue("status", status, AlertStatus.class),
                QueryParams.enumValue("cause", cause, AlertCause.class),
                QueryParams.text(customerId));
        int pageSize = QueryParams.intValue("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        // Bounded so that page x size (the SQL offset) cannot overflow an int.
        int pageIndex = QueryParams.intValue("page", page, 0, 0, Integer.MAX_VALUE / pageSize - 1);
        AlertService.Page<Alert> result = service.search(filter, pageIndex, pageSize);
        List<AlertView> items = result.items().stream().map(AlertView::summary).toList();
        return new AlertPage(items, pageIndex, pageSize, result.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One alert with every trigger that opened or fed it")
    @APIResponse(responseCode = "200", description = "The alert")
    @APIResponse(responseCode = "404", description = "No alert has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertView get(@PathParam("id") long id) {
        Alert alert = service.find(id).orElseThrow(() -> new NotFoundException("no alert with id " + id));
        List<TriggerView> triggers = service.triggersOf(id).stream().map(TriggerView::of).toList();
        return AlertView.of(alert, triggers);
    }
}

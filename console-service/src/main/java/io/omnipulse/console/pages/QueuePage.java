package io.omnipulse.console.pages;

import io.omnipulse.console.ConsoleConfig;
import io.omnipulse.console.services.AlertingApi;
import io.omnipulse.console.services.Alerts;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The alert queue: the unresolved alerts of the person's teams, most urgent (or newest) first, with the
 * time left before each one's deadline. New alerts and changes arrive on {@code /live} and the page
 * fetches its rows again ({@code /queue/rows}), so it stays current without a reload.
 */
@Path("/")
@Authenticated
public class QueuePage {

    private final AlertingApi alerting;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final int pageSize;

    public QueuePage(@RestClient AlertingApi alerting, SecurityIdentity identity, Clock clock, ConsoleConfig config) {
        this.alerting = alerting;
        this.identity = identity;
        this.clock = clock;
        this.pageSize = config.pageSize();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The alert queue page")
    public Response queue(@RestQuery String team, @RestQuery String cause, @RestQuery String severity,
            @RestQuery String status, @RestQuery String sort, @RestQuery Integer page) {
        Person person = Person.of(identity);
        if (!person.worksAlerts()) {
            // Analysts read the numbers; the queue and its customers are not theirs to see.
            return Response.seeOther(URI.create("/numbers")).build();
        }
        return Response.ok(Templates.queue(person, load(QueueFilters.of(team, cause, severity, status, sort), page))
                .render()).type(MediaType.TEXT_HTML_TYPE).build();
    }

    @GET
    @Path("queue/rows")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The queue's rows alone, for a live refresh")
    public String rows(@RestQuery String team, @RestQuery String cause, @RestQuery String severity,
            @RestQuery String status, @RestQuery String sort, @RestQuery Integer page) {
        return Templates.queue$rows(load(QueueFilters.of(team, cause, severity, status, sort), page)).render();
    }

    /**
     * The alert events this person may see, relayed from alerting-service as they happen; the page
     * only uses them as a signal to refresh its rows, so their content is passed on as it is.
     */
    @GET
    @Path("live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live alert events (SSE), relayed from alerting-service with the person's token")
    public Multi<String> live() {
        return alerting.stream();
    }

    private QueueView load(QueueFilters filters, Integer requestedPage) {
        int page = requestedPage == null || requestedPage < 0 ? 0 : requestedPage;
        ServicePart<Alerts.Page> found = ServicePart.of("alerting-service", () -> alerting.list(filters.apiStatus(),
                filters.cause(), filters.severity(), filters.team(), filters.sort(), page, pageSize));
        if (found.value() == null) {
            return new QueueView(filters, List.of(), 0, true, page, 1, found.problem());
        }
        var now = clock.instant();
        List<QueueView.Row> rows = found.value().items().stream().map(alert -> QueueView.Row.of(alert, now)).toList();
        int pages = (int) Math.max(1, (found.value().total() + pageSize - 1) / pageSize);
        return new QueueView(filters, rows, found.value().total(), found.value().totalExact(), page, pages, null);
    }
}

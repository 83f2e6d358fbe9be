package io.omnipulse.console.pages;

import io.omnipulse.console.services.AlertingApi;
import io.omnipulse.console.services.Alerts;
import io.omnipulse.console.services.ProfileApi;
import io.omnipulse.console.services.Profiles;
import io.omnipulse.console.services.ScoringApi;
import io.omnipulse.console.services.ServiceException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * One alert and its customer, with the closed loop's actions. The actions are plain HTML forms: each
 * goes to alerting-service with the person's token, and on success the page is shown again (303, so a
 * reload does not repeat it); a refusal is shown in the service's words, with its status.
 */
@Path("/alerts/{id: \\d+}")
@Authenticated
public class AlertPage {

    /** The longest note or assignee a form may send; alerting-service enforces its own limits too. */
    static final int MAX_TEXT = 4000;

    private final AlertingApi alerting;
    private final ProfileApi profiles;
    private final ScoringApi scoring;
    private final SecurityIdentity identity;
    private final Clock clock;

    public AlertPage(@RestClient AlertingApi alerting, @RestClient ProfileApi profiles, @RestClient ScoringApi scoring,
            SecurityIdentity identity, Clock clock) {
        this.alerting = alerting;
        this.profiles = profiles;
        this.scoring = scoring;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "An alert's page: the customer, their journey and scores, and the closed-loop actions")
    public Response show(@RestPath long id) {
        return page(id, null, 200);
    }

    /** Reads no body, so it takes any (a form without fields sends an empty one). */
    @POST
    @Path("acknowledge")
    @Produces(MediaType.TEXT_HTML)
    public Response acknowledge(@RestPath long id) {
        return act(id, () -> alerting.acknowledge(id, Map.of()));
    }

    @POST
    @Path("assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response assign(@RestPath long id, @RestForm String assignee) {
        return act(id, () -> alerting.assign(id, body("assignee", assignee)));
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response note(@RestPath long id, @RestForm String text) {
        return act(id, () -> alerting.note(id, body("text", text)));
    }

    @POST
    @Path("resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response resolve(@RestPath long id, @RestForm String outcome, @RestForm String note) {
        return act(id, () -> {
            Map<String, String> body = body("note", note);
            body.putAll(body("outcome", outcome));
            alerting.resolve(id, body);
        });
    }

    private Response act(long id, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/alerts/" + id)).build();
        } catch (ServiceException e) {
            return page(id, e.getMessage(), e.status());
        } catch (ProcessingException e) {
            return page(id, ServicePart.noAnswer("alerting-service", e) + "; nothing was changed", 503);
        }
    }

    private Response page(long id, String actionProblem, int status) {
        Alerts.Alert alert;
        try {
            alert = alerting.get(id);
        } catch (ServiceException e) {
            return Notice.page(e.status(), e.getMessage());
        } catch (ProcessingException e) {
            String noAnswer = ServicePart.noAnswer("alerting-service", e);
            return Notice.page(503, actionProblem != null ? actionProblem : noAnswer);
        }
        ServicePart<Profiles.Profile> profile = alert.customerId() == null ? ServicePart.none()
                : ServicePart.of("profile-service", () -> profiles.get(alert.customerId()));
        ServicePart<ScoringApi.CustomerScores> scores = alert.customerId() == null ? ServicePart.none()
                : ServicePart.of("scoring-service", () -> scoring.customerScores(alert.customerId()));
        AlertView view = new AlertView(alert, TimeLeft.until(alert.dueAt(), clock.instant()), profile.value(),
                profile.problem(), scores.value(), scores.problem(), actionProblem);
        return Response.status(status).entity(Templates.alert(Person.of(identity), view).render()).build();
    }

    /** A form field, bounded, left out when empty so that the service's own rule on it applies. */
    private static Map<String, String> body(String field, String value) {
        Map<String, String> body = new HashMap<>();
        if (value != null && !value.isBlank()) {
            if (value.length() > MAX_TEXT) {
                throw new ServiceException(400, field + ": at most " + MAX_TEXT + " characters");
            }
            body.put(field, value.strip());
        }
        return body;
    }
}

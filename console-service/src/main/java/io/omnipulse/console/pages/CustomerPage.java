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
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Finding a customer by e-mail, phone, social handle or CRM id, and their page: identifiers, channels,
 * journey, scores, alerts and merges. The identifier travels in a form post and in profile-service's
 * lookup body, never in a URL, so it stays out of browser history and access logs.
 */
@Path("/customers")
@Authenticated
public class CustomerPage {

    /** The identifier kinds a lead searches by, as profile-service's lookup names them. */
    static final Map<String, String> KINDS = Map.of("email", "e-mail", "phone", "phone", "handle", "social handle",
            "crmId", "CRM id");
    /** The choices of the form, in the order a lead is likeliest to have them. */
    static final List<Map.Entry<String, String>> KIND_CHOICES = List.of(Map.entry("email", KINDS.get("email")),
            Map.entry("phone", KINDS.get("phone")), Map.entry("handle", KINDS.get("handle")),
            Map.entry("crmId", KINDS.get("crmId")));
    static final int MAX_IDENTIFIER = 254;

    private final ProfileApi profiles;
    private final ScoringApi scoring;
    private final AlertingApi alerting;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CustomerPage(@RestClient ProfileApi profiles, @RestClient ScoringApi scoring,
            @RestClient AlertingApi alerting, SecurityIdentity identity, Clock clock) {
        this.profiles = profiles;
        this.scoring = scoring;
        this.alerting = alerting;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The customer search form")
    public String search() {
        return Templates.customers(Person.of(identity), new CustomerSearch("email", "", null)).render();
    }

    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Find a customer by one identifier (form post); 303 to their page")
    public Response lookup(@RestForm String kind, @RestForm String value) {
        String chosen = kind != null && KINDS.containsKey(kind) ? kind : "email";
        String typed = value == null ? "" : value.strip();
        if (typed.isEmpty() || typed.length() > MAX_IDENTIFIER) {
            return searchAgain(400, chosen, typed, "Type an identifier of at most " + MAX_IDENTIFIER + " characters.");
        }
        try {
            Profiles.Profile found = profiles.lookup(Map.of(chosen, typed));
            return Response.seeOther(UriBuilder.fromPath("/customers/{id}").build(found.customerId())).build();
        } catch (ServiceException e) {
            return searchAgain(e.status(), chosen, typed, e.status() == 404
                    ? "No customer has this " + KINDS.get(chosen) + "." : e.getMessage());
        } catch (ProcessingException e) {
            return searchAgain(503, chosen, typed, ServicePart.noAnswer("profile-service", e));
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A customer's page: identifiers, channels, journey, scores, alerts and merges")
    public Response show(@RestPath String id) {
        Profiles.Profile profile;
        try {
            profile = profiles.get(id);
        } catch (ServiceException e) {
            return Notice.page(e.status(), e.status() == 404 ? "No customer " + id + "." : e.getMessage());
        } catch (ProcessingException e) {
            return Notice.page(503, ServicePart.noAnswer("profile-service", e));
        }
        String customerId = profile.customerId();
        ServicePart<ScoringApi.CustomerScores> scores = ServicePart.of("scoring-service",
                () -> scoring.customerScores(customerId));
        ServicePart<Alerts.Page> alerts = ServicePart.of("alerting-service",
                () -> alerting.ofCustomer(customerId, 20));
        ServicePart<List<Profiles.Merge>> merges = ServicePart.of("profile-service",
                () -> profiles.merges(customerId));
        CustomerView view = new CustomerView(profile, scores.value(), scores.problem(),
                alerts.value() == null ? List.of() : alerts.value().items(), alerts.problem(),
                merges.value() == null ? List.of() : merges.value(), clock.instant());
        return Response.ok(Templates.customer(Person.of(identity), view).render()).build();
    }

    private Response searchAgain(int status, String kind, String value, String problem) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.customers(Person.of(identity), new CustomerSearch(kind, value, problem)).render())
                .build();
    }

    /** The search form as it was sent, with why it found nothing. */
    public record CustomerSearch(String kind, String value, String problem) {

        public List<Map.Entry<String, String>> kinds() {
            return KIND_CHOICES;
        }
    }
}

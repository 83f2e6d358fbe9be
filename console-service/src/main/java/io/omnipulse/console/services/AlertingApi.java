package io.omnipulse.console.services;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** alerting-service's alert API, as the console calls it: with the person's token, problems as {@link ServiceException}. */
@RegisterRestClient(configKey = "alerting")
@RegisterClientHeaders(PersonToken.class)
@RegisterProvider(ServiceProblems.class)
@Path("/v1/alerts")
public interface AlertingApi {

    @GET
    Alerts.Page list(@RestQuery String status, @RestQuery String cause, @RestQuery String severity,
            @RestQuery String team, @RestQuery String sort, @RestQuery int page, @RestQuery int size);

    @GET
    @Path("/{id}")
    Alerts.Alert get(@RestPath long id);

    /** A customer's alerts, newest first. */
    @GET
    Alerts.Page ofCustomer(@RestQuery String customerId, @RestQuery int size);

    @POST
    @Path("/{id}/acknowledge")
    void acknowledge(@RestPath long id, Map<String, String> body);

    @POST
    @Path("/{id}/assign")
    void assign(@RestPath long id, Map<String, String> body);

    @POST
    @Path("/{id}/resolve")
    void resolve(@RestPath long id, Map<String, String> body);

    @POST
    @Path("/{id}/notes")
    void note(@RestPath long id, Map<String, String> body);

    /** The closed-loop KPIs of one team's alerts, or of every alert for null. */
    @GET
    @Path("/stats")
    Alerts.Stats stats(@RestQuery String team);

    /** The live events of the alerts this person may see, each a JSON alert event. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<String> stream();
}

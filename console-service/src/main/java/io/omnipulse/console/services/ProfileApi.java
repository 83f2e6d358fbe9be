package io.omnipulse.console.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;

/** profile-service's customer API, called with the person's token (team scope is profile-service's to apply). */
@RegisterRestClient(configKey = "profile")
@RegisterClientHeaders(PersonToken.class)
@RegisterProvider(ServiceProblems.class)
@Path("/v1/customers")
public interface ProfileApi {

    /** A merged id answers with its survivor's profile. */
    @GET
    @Path("/{id}")
    Profiles.Profile get(@RestPath String id);

    /** Merges into this customer, or of this id into its survivor; latest last. */
    @GET
    @Path("/{id}/merges")
    List<Profiles.Merge> merges(@RestPath String id);

    /** By one identifier, in the body so that it stays out of URLs and access logs: {@code {"email": "..."}}. */
    @POST
    @Path("/lookup")
    Profiles.Profile lookup(Map<String, String> identifier);
}

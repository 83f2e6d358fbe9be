package io.omnipulse.console.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** alerting-service's liveness, which is open: the console's readiness follows it. */
@RegisterRestClient(configKey = "alerting")
@Path("/q/health/live")
public interface AlertingHealth {

    @GET
    String live();
}

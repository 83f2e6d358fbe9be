package io.omnipulse.console.health;

import io.omnipulse.console.services.AlertingHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Ready while alerting-service is alive: without it the console has no queue to show, so a load
 * balancer should send people to an instance that can reach one. profile- and scoring-service are
 * not part of it: without them an alert page still shows the alert and says which part is missing.
 */
@Readiness
@ApplicationScoped
public class AlertingReachable implements HealthCheck {

    private final AlertingHealth alerting;

    public AlertingReachable(@RestClient AlertingHealth alerting) {
        this.alerting = alerting;
    }

    @Override
    public HealthCheckResponse call() {
        var check = HealthCheckResponse.named("alerting-service reachable");
        try {
            alerting.live();
            return check.up().build();
        } catch (ProcessingException | WebApplicationException e) {
            return check.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}

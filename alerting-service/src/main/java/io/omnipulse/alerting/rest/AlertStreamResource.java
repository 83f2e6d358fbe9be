package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.notify.AlertStream;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.security.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Server-sent events for live screens: every alert event from the moment of connecting. */
@Path("/v1/alerts/stream")
@RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
public class AlertStreamResource {

    private final AlertStream stream;

    public AlertStreamResource(AlertStream stream) {
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live alert events (raised, acknowledged, assigned, escalated, resolved) as SSE")
    public Multi<AlertEvent> stream() {
        return stream.subscribe();
    }
}

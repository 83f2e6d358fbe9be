package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.domain.IllegalTransitionException;
import io.omnipulse.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An action the alert's status does not allow is a conflict with its current state: 409. */
public class IllegalTransitionMapper {

    @ServerExceptionMapper
    public Response conflict(IllegalTransitionException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).at(uri.getPath()).toResponse();
    }
}

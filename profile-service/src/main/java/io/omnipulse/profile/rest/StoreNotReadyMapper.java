package io.omnipulse.profile.rest;

import io.omnipulse.problem.Problem;
import io.omnipulse.profile.streams.StoreNotReadyException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A store that is starting or rebalancing is a temporary 503 with Retry-After, not a 500. */
public class StoreNotReadyMapper {

    @ServerExceptionMapper
    public Response notReady(StoreNotReadyException e, UriInfo uri) {
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage())
                        .at(uri.getPath()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, PeerForwarder.RETRY_AFTER_SECONDS)
                .build();
    }
}

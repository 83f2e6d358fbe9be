package io.omnipulse.scoring.rest;

import io.omnipulse.problem.Problem;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.streams.StoreNotQueryableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Scores that cannot be read yet are a temporary condition: 503 with Retry-After, never a 500. */
public class UnavailableMapper {

    private final ScoringConfig config;

    public UnavailableMapper(ScoringConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response unavailable(StoreNotQueryableException e, UriInfo uri) {
        Response problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).at(uri.getPath()).toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds()).build();
    }
}

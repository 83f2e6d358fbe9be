package io.omnipulse.queries;

import io.omnipulse.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A store that cannot answer yet is a temporary 503 problem with Retry-After, never a 500. */
public class NotQueryableMapper {

    private final QuerySettings settings;

    public NotQueryableMapper(QuerySettings settings) {
        this.settings = settings;
    }

    @ServerExceptionMapper
    public Response unavailable(StoreNotQueryableException e, UriInfo uri) {
        long retryAfter = e.retryAfterSeconds() == null ? settings.retryAfterSeconds() : e.retryAfterSeconds();
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).at(uri.getPath()).toResponse(retryAfter);
    }
}

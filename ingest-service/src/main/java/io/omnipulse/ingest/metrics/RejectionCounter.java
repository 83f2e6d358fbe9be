package io.omnipulse.ingest.metrics;

import io.omnipulse.ingest.rest.IngestProblemMappers;
import io.omnipulse.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts rejected ingest requests by reason from the final status, so that errors raised by the
 * framework (unreadable JSON, wrong media type) are counted like those raised by our own code.
 */
public class RejectionCounter {

    private final IngestMetrics metrics;

    RejectionCounter(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/v1/")) {
            return;
        }
        String reason = switch (response.getStatus()) {
            case 400, 415, 422 -> IngestMetrics.INVALID;
            case 401 -> IngestMetrics.UNAUTHORIZED;
            case 413 -> IngestMetrics.TOO_LARGE;
            case 429 -> IngestMetrics.RATE_LIMITED;
            case 503 -> response.getEntity() instanceof Problem problem
                    && IngestProblemMappers.OVERLOADED.equals(problem.type())
                    ? IngestMetrics.OVERLOADED : IngestMetrics.UNAVAILABLE;
            default -> null;
        };
        if (reason != null) {
            metrics.rejected(reason);
        }
    }
}

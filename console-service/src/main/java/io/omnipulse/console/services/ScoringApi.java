package io.omnipulse.console.services;

import io.omnipulse.events.ScoreUpdated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;

/** scoring-service's query API, called with the person's token. */
@RegisterRestClient(configKey = "scoring")
@RegisterClientHeaders(PersonToken.class)
@RegisterProvider(ServiceProblems.class)
@Path("/v1")
public interface ScoringApi {

    /** A customer's scores for every window (7d, 30d, 90d, all) and their behavioural effort, in one call. */
    @GET
    @Path("/customers/{id}/scores")
    CustomerScores customerScores(@RestPath String id);

    record CustomerScores(String customerId, Map<String, ScoreUpdated> windows, Effort effort) {
    }

    /** The behavioural effort index (0 effortless .. 100) and what drove it. */
    record Effort(Integer index, List<String> drivers, Instant updatedAt, String latestChannel, String latestTeam) {
    }
}

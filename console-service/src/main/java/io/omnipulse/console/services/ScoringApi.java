package io.omnipulse.console.services;

import io.omnipulse.events.ScoreUpdated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

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

    /** NPS, CES and CSAT of one scope key (global, channel, team) over one window (7d, 30d, 90d, all). */
    @GET
    @Path("/scores")
    ScoreUpdated scores(@RestQuery String scope, @RestQuery String key, @RestQuery String window);

    /** One metric of one scope key by day or ISO week, from the first to the last day (YYYY-MM-DD). */
    @GET
    @Path("/scores/trend")
    Trend trend(@RestQuery String scope, @RestQuery String key, @RestQuery String metric, @RestQuery String bucket,
            @RestQuery String from, @RestQuery String to);

    /** The spread between the best and the worst channel of a team (or everyone) over one window. */
    @GET
    @Path("/scores/consistency")
    Consistency consistency(@RestQuery String scope, @RestQuery String key, @RestQuery String window);

    /** The behavioural effort index over the customers of a scope key. */
    @GET
    @Path("/effort")
    EffortSummary effort(@RestQuery String scope, @RestQuery String key);

    /** @param lateEvents answers that came after the grace period: in window all, in no point */
    record Trend(String scope, String key, String metric, String bucket, LocalDate from, LocalDate to, long lateEvents,
            List<Point> points) {
    }

    record Point(LocalDate first, LocalDate last, ScoreUpdated.Nps nps, ScoreUpdated.Ces ces, ScoreUpdated.Csat csat) {
    }

    record Consistency(String scope, String key, String window, Spread nps, Spread ease) {
    }

    record Spread(ChannelScore best, ChannelScore worst, Double spread, int channels) {
    }

    record ChannelScore(String channel, Double score, long n) {
    }

    /**
     * @param agreement Pearson's r between the index and CES hardness over the customers with both
     * @param drivers   what drives the index: per signal, the customers whose index it raised, most common first
     */
    record EffortSummary(String scope, String key, long customers, Double meanIndex, Agreement agreement,
            List<Driver> drivers) {
    }

    /** @param share percent of the scope's customers with an index */
    record Driver(String signal, long customers, Double share) {
    }

    record Agreement(long n, Double pearson) {
    }

    /** The behavioural effort index (0 effortless .. 100) and what drove it. */
    record Effort(Integer index, List<String> drivers, Instant updatedAt, String latestChannel, String latestTeam) {
    }
}

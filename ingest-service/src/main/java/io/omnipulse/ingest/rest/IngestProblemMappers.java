package io.omnipulse.ingest.rest;

import io.omnipulse.ingest.config.IngestConfig;
import io.omnipulse.ingest.domain.PayloadTooLargeException;
import io.omnipulse.ingest.domain.RateLimitedException;
import io.omnipulse.ingest.domain.SourceNotAllowedException;
import io.omnipulse.ingest.messaging.IngestOverloadedException;
import io.omnipulse.ingest.messaging.PublishUnavailableException;
import io.omnipulse.ingest.source.WebhookUnauthorizedException;
import io.omnipulse.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem documents for the failures only ingest knows about; the shared ProblemMappers do the rest. */
public class IngestProblemMappers {

    private static final Logger LOG = Logger.getLogger(IngestProblemMappers.class);

    /** Problem type of a request refused by load shedding (counted as reason "overloaded"). */
    public static final URI OVERLOADED = URI.create("https://omnipulse.io/problems/ingest-overloaded");
    /** Problem type of a request over its API key's rate limit (429, counted as reason "rate_limited"). */
    public static final URI RATE_LIMITED = URI.create("https://omnipulse.io/problems/rate-limited");

    /** Problem type of a vendor webhook whose signature is missing, wrong or stale (401). */
    public static final URI BAD_SIGNATURE = URI.create("https://omnipulse.io/problems/bad-webhook-signature");

    private final IngestConfig config;

    IngestProblemMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e, UriInfo uri) {
        return new Problem(URI.create("https://omnipulse.io/problems/payload-too-large"), "Payload too large",
                Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(), e.getMessage(), uri.getPath(), List.of())
                .toResponse();
    }

    /** An event names a source its caller's API key may not post as. */
    @ServerExceptionMapper
    public Response sourceNotAllowed(SourceNotAllowedException e, UriInfo uri) {
        return new Problem(URI.create("https://omnipulse.io/problems/source-not-allowed"), "Source not allowed",
                Response.Status.FORBIDDEN.getStatusCode(), e.getMessage(), uri.getPath(), e.errors()).toResponse();
    }

    /** A vendor webhook without its valid, fresh signature: nothing of it was read. */
    @ServerExceptionMapper
    public Response badSignature(WebhookUnauthorizedException e, UriInfo uri) {
        LOG.infof("refused a webhook on %s: %s", uri.getPath(), e.getMessage());
        return new Problem(BAD_SIGNATURE, "Webhook signature not valid", 401, e.getMessage(), uri.getPath(), List.of())
                .toResponse();
    }

    /** A key over its rate limit: nothing was sent; the same request may come again after Retry-After. */
    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        return new Problem(RATE_LIMITED, "Too many events", 429, e.getMessage(), uri.getPath(), List.of())
                .toResponse(e.retryAfterSeconds());
    }

    /** Load shedding: nothing was sent; the client may send the same request again after Retry-After. */
    @ServerExceptionMapper
    public Response overloaded(IngestOverloadedException e, UriInfo uri) {
        return new Problem(OVERLOADED, "Ingest overloaded", Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                e.getMessage() + "; nothing of this request was stored", uri.getPath(), List.of())
                .toResponse(seconds(config.publish().overloadRetryAfter()));
    }

    /** Nothing the client did wrong: it may resend the same events later, they are deduplicated by eventId. */
    @ServerExceptionMapper
    public Response unavailable(PublishUnavailableException e, UriInfo uri) {
        LOG.warnf("answering 503 on %s: %s", uri.getPath(), e.getMessage());
        long retryAfter = seconds(config.publish().retryAfter());
        return new Problem(URI.create("https://omnipulse.io/problems/kafka-unavailable"),
                "Event log unavailable", Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                "the events could not be stored; retry after " + retryAfter + " s with the same eventIds",
                uri.getPath(), List.of()).toResponse(retryAfter);
    }

    /** Retry-After in whole seconds, at least one. */
    private static long seconds(Duration retryAfter) {
        return Math.max(1, retryAfter.toSeconds());
    }
}

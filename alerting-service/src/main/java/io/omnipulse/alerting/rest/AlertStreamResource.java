package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.config.AlertingConfig;
import io.omnipulse.alerting.notify.AlertStream;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.problem.Problem;
import io.omnipulse.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Server-sent events for live screens: the events of the alerts the caller may see (as GET
 * /v1/alerts), from the moment of connecting until the bearer token expires; the client then
 * reconnects with a new token. Streams are bounded per subject and per instance (StreamSlots).
 */
@Path("/v1/alerts/stream")
@RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
public class AlertStreamResource {

    /** Problem type of a stream refused because its subject or this instance has as many open as allowed (429). */
    public static final URI TOO_MANY_STREAMS = URI.create("https://omnipulse.io/problems/too-many-streams");

    private final AlertStream stream;
    private final StreamSlots slots;
    private final Caller caller;
    private final Clock clock;
    private final AlertingConfig.StreamLimits limits;

    public AlertStreamResource(AlertStream stream, StreamSlots slots, Caller caller, Clock clock,
            AlertingConfig config) {
        this.stream = stream;
        this.slots = slots;
        this.caller = caller;
        this.clock = clock;
        this.limits = config.stream();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live events (raised, acknowledged, assigned, escalated, resolved, moved) of the alerts the "
            + "caller may see, as SSE until the bearer token expires; 429 when the caller or the instance has too "
            + "many streams open")
    public Multi<AlertEvent> stream() {
        Optional<Instant> expiry = caller.credentialExpiry();
        Duration left = expiry.map(exp -> Duration.between(clock.instant(), exp)).orElse(null);
        if (left != null && (left.isZero() || left.isNegative())) {
            // Still accepted within the verifier's clock skew, but a stream of no length would only
            // be reopened at once with the same token.
            throw new AuthenticationFailedException("the bearer token has expired");
        }
        StreamSlots.Slot slot = slots.take(caller.actor());
        try {
            Multi<AlertEvent> events = stream.subscribe(caller.visibleTeams());
            if (left != null) {
                events = events.select().first(left);
            }
            // However it ends (the client goes away, the token expires, the screen falls too far behind),
            // the slot is freed.
            return events.onTermination().invoke(slot::release);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
    }

    /** Refused before the stream opened: the client may try again after Retry-After, or close a stream of its own. */
    @ServerExceptionMapper
    public Response tooManyStreams(TooManyStreamsException e, UriInfo uri) {
        return new Problem(TOO_MANY_STREAMS, "Too many streams", 429, e.getMessage(), uri.getPath(), List.of())
                .toResponse(Math.max(1, limits.retryAfter().toSeconds()));
    }
}

package io.omnipulse.security;

import io.omnipulse.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A per-person rate limit on every REST request: past it, 429 with Retry-After and a problem document.
 * Callers with an API key are left to the limits of what they do (ingest charges events per key; a
 * service key serves this system's own calls), and an anonymous request is refused by the endpoint's
 * role check anyway.
 */
public class PeopleRateLimitFilter {

    static final URI RATE_LIMITED = URI.create("https://omnipulse.io/problems/rate-limited");

    private final CurrentIdentityAssociation identities;
    private final CallerRateLimits limits;

    public PeopleRateLimitFilter(CurrentIdentityAssociation identities, PeopleRateLimitConfig config) {
        this.identities = identities;
        this.limits = new CallerRateLimits(config.requestsPerSecond(), config.burst());
    }

    @ServerRequestFilter
    public Uni<Response> limitPeople(UriInfo uri) {
        return identities.getDeferredIdentity().map(identity -> {
            if (!isPerson(identity)) {
                return null;
            }
            long retryAfter = limits.tryTake(identity.getPrincipal().getName(), 1);
            return retryAfter == 0 ? null : new Problem(RATE_LIMITED, "Too many requests", 429,
                    "this caller sent more requests than its rate limit allows; send again after Retry-After",
                    uri.getPath(), List.of()).toResponse(retryAfter);
        });
    }

    private static boolean isPerson(SecurityIdentity identity) {
        return !identity.isAnonymous() && identity.getAttribute(ApiKeyIdentityProvider.KEY_ID) == null;
    }
}

package io.omnipulse.security;

import io.omnipulse.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 (with both challenges: Basic for API keys, Bearer for tokens) and 403 as problem documents like every other refusal (authentication runs when an endpoint
 * asks for it, quarkus.http.auth.proactive=false, so that these reach the REST layer's mappers).
 */
public class SecurityProblemMappers {

    static final URI UNAUTHENTICATED = URI.create("https://omnipulse.io/problems/unauthenticated");
    static final URI FORBIDDEN = URI.create("https://omnipulse.io/problems/forbidden");

    /**
     * People authenticate with a bearer token; sources and services with an API key (the Basic user
     * name): both challenges, in one header as RFC 9110 allows.
     */
    static final String BEARER_CHALLENGE = "Bearer realm=\"omnipulse\"";

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri, "the credential was not accepted: an unknown, revoked or malformed API key, or a "
                + "bearer token that is unsigned, expired, or not for this issuer and audience");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri, "a credential is required: a bearer token (Authorization: Bearer), or an API key in "
                + ApiKeyAuthMechanism.HEADER + " (or as the user name of HTTP Basic)");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return new Problem(FORBIDDEN, "Forbidden", 403, "this credential does not allow this request", uri.getPath(),
                List.of()).toResponse();
    }

    private static Response unauthenticated(UriInfo uri, String detail) {
        return Response.fromResponse(new Problem(UNAUTHENTICATED, "Unauthenticated", 401, detail, uri.getPath(), List.of())
                .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthMechanism.CHALLENGE + ", " + BEARER_CHALLENGE)
                .build();
    }
}

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
 * 401 (with both challenges: Basic for API keys, Bearer for tokens) and 403 as problem documents like every
 * other refusal (authentication runs when an endpoint asks for it, quarkus.http.auth.proactive=false, so that
 * these reach the REST layer's mappers). {@link PathPolicyProblems} answers the same for paths outside
 * the REST layer (metrics, OpenAPI).
 */
public class SecurityProblemMappers {

    static final URI UNAUTHENTICATED = URI.create("https://omnipulse.io/problems/unauthenticated");
    static final URI FORBIDDEN = URI.create("https://omnipulse.io/problems/forbidden");

    /**
     * People authenticate with a bearer token; sources and services with an API key (the Basic user
     * name): both challenges, in one header as RFC 9110 allows.
     */
    static final String CHALLENGES = ApiKeyAuthMechanism.CHALLENGE + ", Bearer realm=\"omnipulse\"";

    static final String NOT_ACCEPTED = "the credential was not accepted: an unknown, revoked or malformed API key, or a "
            + "bearer token that is unsigned, expired, or not for this issuer and audience";
    static final String REQUIRED = "a credential is required: a bearer token (Authorization: Bearer), or an API key in "
            + ApiKeyAuthMechanism.HEADER + " (or as the user name of HTTP Basic)";
    static final String NOT_ALLOWED = "this credential does not allow this request";

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri.getPath(), NOT_ACCEPTED);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri.getPath(), REQUIRED);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return forbiddenProblem(uri.getPath()).toResponse();
    }

    static Problem unauthenticatedProblem(String path, String detail) {
        return new Problem(UNAUTHENTICATED, "Unauthenticated", 401, detail, path, List.of());
    }

    static Problem forbiddenProblem(String path) {
        return new Problem(FORBIDDEN, "Forbidden", 403, NOT_ALLOWED, path, List.of());
    }

    private static Response unauthenticated(String path, String detail) {
        return Response.fromResponse(unauthenticatedProblem(path, detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGES).build();
    }
}

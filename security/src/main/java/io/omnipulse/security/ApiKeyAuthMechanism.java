package io.omnipulse.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an API key from {@code X-API-Key}, or from the user name of HTTP Basic (password empty or
 * ignored), as Segment and RudderStack sources send their write keys. A request with neither is left
 * to the other mechanisms (anonymous if none claims it); one whose key does not even have the form of
 * a key fails here, and so does one whose key is unknown or revoked ({@link ApiKeyIdentityProvider}).
 */
@ApplicationScoped
public class ApiKeyAuthMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-Key";
    /** The challenge of a 401: Basic, so that tools which send a write key as the user name know what to send. */
    public static final String CHALLENGE = "Basic realm=\"omnipulse\"";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String sent = sentKey(context.request().getHeader(HEADER),
                context.request().getHeader(HttpHeaderNames.AUTHORIZATION.toString()));
        if (sent == null) {
            return Uni.createFrom().optional(Optional.empty());
        }
        Optional<ApiKey> key = ApiKey.parse(sent);
        if (key.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not an API key"));
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(key.get()), context));
    }

    /** The key in {@code X-API-Key}, else the user name of {@code Authorization: Basic}; null when neither. */
    static String sentKey(String header, String authorization) {
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String userAndPassword = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = userAndPassword.indexOf(':');
            return colon < 0 ? userAndPassword : userAndPassword.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * Before the bearer-token mechanism, so that this one answers the challenge of a path policy (metrics,
     * OpenAPI) with the problem document that the REST layer's refusals carry, naming both schemes.
     */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        PathPolicyProblems.send(context, SecurityProblemMappers.unauthenticatedProblem(context.normalizedPath(),
                SecurityProblemMappers.REQUIRED));
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
    }
}

package io.omnipulse.console.signin;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.omnipulse.console.ConsoleConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Signs a request that brings no credential in as the configured local token's person
 * ({@link ConsoleConfig#localToken()}), so that the local stack's console opens without a login. The
 * token is verified like any other (signature, issuer, audience, expiry): this only supplies it. Runs
 * after the bearer-token and API-key mechanisms, so a request's own credential always wins, and never
 * for {@code /q/} (metrics and OpenAPI ask operators for their own credential).
 */
@ApplicationScoped
public class LocalStackSignIn implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(LocalStackSignIn.class);

    private final Optional<String> localToken;

    public LocalStackSignIn(ConsoleConfig config) {
        this.localToken = config.localToken().filter(token -> !token.isBlank());
    }

    void announce(@Observes StartupEvent started) {
        if (localToken.isPresent()) {
            Runnable log = LaunchMode.current() == LaunchMode.NORMAL ? () -> LOG.warn(
                    "omnipulse.console.local-token is set: every request without a credential acts as that token's "
                            + "person. This is for the local stack only; in production sign people in through the "
                            + "authenticating proxy instead")
                    : () -> LOG.info("requests without a credential act as the local token's person (local stack)");
            log.run();
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        // Only the console's pages: metrics and OpenAPI stay for operators' own credentials.
        if (localToken.isEmpty() || context.normalizedPath().startsWith("/q/")
                || context.request().getHeader(HttpHeaderNames.AUTHORIZATION.toString()) != null) {
            return Uni.createFrom().optional(Optional.empty());
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new JsonWebTokenCredential(localToken.get()));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100;
    }
}

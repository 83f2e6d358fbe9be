package io.omnipulse.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns a valid, unrevoked API key into an identity: the principal is the key's primary source, the
 * roles are the key's, and the sources it may post as and the key id are attributes.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    /** Identity attribute: the sources an API key may post as (a List of String, the primary one first). */
    public static final String SOURCES = "omnipulse.sources";
    /** Identity attribute: the public id of the API key used. */
    public static final String KEY_ID = "omnipulse.api-key-id";

    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);

    private final ApiKeyRegistry keys;

    public ApiKeyIdentityProvider(ApiKeysConfig config) {
        this.keys = new ApiKeyRegistry(config.file(), config.reloadInterval(), Clock.systemUTC());
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        return keys.verify(request.key())
                .map(entry -> Uni.createFrom().item((SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(entry.primarySource()))
                        .addRoles(Set.copyOf(entry.roles()))
                        .addAttribute(SOURCES, entry.sources())
                        .addAttribute(KEY_ID, entry.id())
                        .build()))
                .orElseGet(() -> {
                    // The id is public; the secret never reaches a log.
                    LOG.debugf("refused API key %s", request.key());
                    return Uni.createFrom().failure(new AuthenticationFailedException("unknown or revoked API key"));
                });
    }
}

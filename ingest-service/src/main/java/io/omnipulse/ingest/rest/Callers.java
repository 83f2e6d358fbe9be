package io.omnipulse.ingest.rest;

import io.omnipulse.ingest.domain.PostingSources;
import io.omnipulse.security.ApiKeyIdentityProvider;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;

/** What an authenticated caller may post as. */
final class Callers {

    private Callers() {
    }

    /** The sources of the caller's API key; 403 for a caller that authenticated otherwise. */
    static PostingSources postingSources(SecurityIdentity caller) {
        Object sources = caller.getAttribute(ApiKeyIdentityProvider.SOURCES);
        if (!(sources instanceof List<?> names) || names.isEmpty()) {
            throw new ForbiddenException("only a source's API key may post events");
        }
        return new PostingSources(String.valueOf(caller.<Object>getAttribute(ApiKeyIdentityProvider.KEY_ID)),
                names.stream().map(String::valueOf).toList());
    }
}

package io.omnipulse.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key a request carried, to be checked by {@link ApiKeyIdentityProvider}. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {

    private final ApiKey key;

    public ApiKeyRequest(ApiKey key) {
        this.key = key;
    }

    public ApiKey key() {
        return key;
    }
}

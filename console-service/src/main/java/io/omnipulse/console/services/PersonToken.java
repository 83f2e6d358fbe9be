package io.omnipulse.console.services;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every call to a service carries the signed-in person's own bearer token: the service decides what
 * this person may see and do (team scope, roles) and names them in its audit trail, exactly as if
 * they had called it themselves. The console never uses a credential of its own.
 */
@ApplicationScoped
public class PersonToken implements ClientHeadersFactory {

    @Inject
    SecurityIdentity identity;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getRawToken() != null) {
            headers.putSingle("Authorization", "Bearer " + token.getRawToken());
        }
        return headers;
    }
}

package io.omnipulse.console.signin;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a state-changing request that another site's page made the browser send (cross-site request
 * forgery): with an authenticating proxy the person's session travels in a cookie, so a forged form
 * post would act in their name. Browsers say where a request comes from in {@code Sec-Fetch-Site}
 * (Fetch Metadata) and {@code Origin}; a POST must be same-origin by either. A request with neither
 * header is not a browser's and carries no ambient cookie of the console's, so it passes.
 */
public class SameOriginForms {

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSite(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            return null;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equals(site) || "none".equals(site) ? null : refused();
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return null;
        }
        try {
            String host = URI.create(origin).getAuthority();
            return host != null && host.equalsIgnoreCase(request.getHeader("Host")) ? null : refused();
        } catch (IllegalArgumentException e) {
            return refused();
        }
    }

    private static Response refused() {
        return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Refused: this form was sent from another site.").build();
    }
}

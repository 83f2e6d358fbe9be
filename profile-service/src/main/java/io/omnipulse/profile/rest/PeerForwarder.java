package io.omnipulse.profile.rest;

import io.omnipulse.profile.config.ProfileConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Relays a GET to the instance that owns the key, so that any instance answers any query. The
 * owner's answer (status, problem document, Retry-After, and for a merged id the survivor it
 * answered with) goes back to the caller unchanged.
 */
@ApplicationScoped
public class PeerForwarder {

    /** How many times a request has been forwarded already. */
    public static final String HOPS_HEADER = "X-Omnipulse-Hops";
    /** An identifier lookup may go to the index owner, then to the profile owner; more means ownership is moving. */
    static final int MAX_HOPS = 2;
    static final long RETRY_AFTER_SECONDS = 1;
    /** Headers of the owner's answer that mean something to the caller. */
    private static final List<String> RELAYED_HEADERS = List.of(HttpHeaders.RETRY_AFTER,
            CustomerResource.MERGED_INTO_HEADER, HttpHeaders.CONTENT_LOCATION);

    private static final Logger LOG = Logger.getLogger(PeerForwarder.class);

    private final HttpClient client;
    private final Duration timeout;

    @Inject
    public PeerForwarder(ProfileConfig config) {
        this.timeout = config.forwardTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** GETs {@code pathAndQuery} (already encoded) from {@code host:port}; 503 when it cannot. */
    public Response forward(String host, int port, String pathAndQuery, int hops) {
        if (hops >= MAX_HOPS) {
            throw new ServiceUnavailableException("the instance owning this customer is changing; retry shortly",
                    RETRY_AFTER_SECONDS);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + pathAndQuery))
                .timeout(timeout)
                .header(HttpHeaders.ACCEPT, "application/json, application/problem+json")
                .header(HOPS_HEADER, String.valueOf(hops + 1))
                .GET()
                .build();
        try {
            HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder out = Response.status(answer.statusCode()).entity(answer.body());
            answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(out::type);
            for (String relayed : RELAYED_HEADERS) {
                answer.headers().firstValue(relayed).ifPresent(v -> out.header(relayed, v));
            }
            return out.build();
        } catch (IOException e) {
            LOG.warnf("instance %s:%d did not answer %s: %s", host, port, pathAndQuery, e.toString());
            throw new ServiceUnavailableException("the instance owning this customer did not answer; retry shortly",
                    RETRY_AFTER_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while asking the owning instance", RETRY_AFTER_SECONDS);
        }
    }
}

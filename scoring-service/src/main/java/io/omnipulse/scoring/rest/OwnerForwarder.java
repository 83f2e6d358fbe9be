package io.omnipulse.scoring.rest;

import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.streams.StoreNotQueryableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the instance that owns a scope key for its scores and relays the answer unchanged. */
@ApplicationScoped
public class OwnerForwarder {

    /** Marks a forwarded query, so that an instance never forwards a query a second time. */
    public static final String FORWARDED_HEADER = "X-OmniPulse-Forwarded";

    private final Duration timeout;
    private final HttpClient client;

    public OwnerForwarder(ScoringConfig config) {
        this.timeout = config.forwardTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Response forward(String host, int port, ScopeKey scope) {
        return forward(host, port, uri(host, port, scope));
    }

    /** Forwards a GET of {@code path?rawQuery} (as this instance received it) to the owner. */
    public Response forward(String host, int port, String path, String rawQuery) {
        return forward(host, port, URI.create("http://" + host + ":" + port + path
                + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery)));
    }

    private Response forward(String host, int port, URI target) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header(FORWARDED_HEADER, "true")
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .GET()
                .build();
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            Response.ResponseBuilder relayed = Response.status(answer.statusCode())
                    .type(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_JSON))
                    .entity(answer.body());
            answer.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(v -> relayed.header(HttpHeaders.RETRY_AFTER, v));
            return relayed.build();
        } catch (IOException e) {
            throw new StoreNotQueryableException("the instance owning " + target.getPath() + " at " + host + ":" + port
                    + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreNotQueryableException("interrupted while asking " + host + ":" + port, e);
        }
    }

    private static URI uri(String host, int port, ScopeKey scope) {
        try {
            String query = "scope=" + scope.scope().wire() + "&key=" + scope.key();
            return new URI("http", null, host, port, "/v1/scores", query, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot address " + host + ":" + port, e);
        }
    }
}

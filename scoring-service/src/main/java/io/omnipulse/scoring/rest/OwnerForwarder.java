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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * The body of a GET of {@code path?query} on the owner, for answers composed from several owners;
     * null when it answers 404. Any other failure means the state cannot be read now.
     */
    public String fetch(String host, int port, String path, Map<String, String> params) {
        Response answer = forward(host, port, path, query(params));
        if (answer.getStatus() == 404) {
            return null;
        }
        if (answer.getStatus() != 200) {
            throw new StoreNotQueryableException("the instance at " + host + ":" + port + " answered "
                    + answer.getStatus() + " for " + path, null);
        }
        return (String) answer.getEntity();
    }

    /** {@code a=1&b=2} with every value percent-encoded, so a team named "R&D" stays one parameter. */
    static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((name, value) -> sb.append(sb.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return sb.toString();
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
        Map<String, String> params = new LinkedHashMap<>();
        params.put("scope", scope.scope().wire());
        params.put("key", scope.key());
        return URI.create("http://" + host + ":" + port + "/v1/scores?" + query(params));
    }
}

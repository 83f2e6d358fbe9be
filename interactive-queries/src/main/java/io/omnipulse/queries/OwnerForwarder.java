package io.omnipulse.queries;

import io.omnipulse.http.WholeAnswer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Relays a GET to the instance that owns a key, so that any instance answers any query: the owner's
 * status, body, Content-Type, Retry-After, and for a merged id the survivor it answered with, go
 * back unchanged. A forwarded request is marked, and counted, so that it is never forwarded again
 * for the same key and never more than {@link #MAX_HOPS} times in all.
 *
 * <p>Why the JDK client and not a Quarkus REST client ({@code @RegisterRestClient}) with SmallRye
 * Fault Tolerance, as elsewhere: the target is not a configured service but whichever instance
 * Kafka Streams names for this key, a different base URI per call; the answer is relayed as bytes
 * in a status we do not interpret, which a typed interface would only get in the way of; and
 * neither {@code @Retry} nor {@code @CircuitBreaker} fits: a retry of a moved owner goes to the
 * wrong instance (the caller is told Retry-After instead) and a breaker per peer would open on an
 * instance that is merely restarting. The one policy that matters, a timeout, is set on every
 * request. Plain construction also lets the relay be tested without a Quarkus application.
 */
@ApplicationScoped
public class OwnerForwarder {

    /** Marks a forwarded request: the instance that gets it answers from its own stores or 503. */
    public static final String FORWARDED_HEADER = "X-OmniPulse-Forwarded";
    /** How many times a request has been forwarded already. */
    public static final String HOPS_HEADER = "X-Omnipulse-Hops";
    /**
     * A read may go to the owner of one key, and that owner to the owner of a second key (identifier
     * index, then profile; customer tallies, then customer effort); more means ownership is moving.
     */
    public static final int MAX_HOPS = 2;
    /** Headers of the owner's answer that mean something to the caller. */
    private static final List<String> RELAYED_HEADERS = List.of(HttpHeaders.RETRY_AFTER,
            MergedIds.MERGED_INTO_HEADER, HttpHeaders.CONTENT_LOCATION);

    /**
     * Largest answer relayed, in bytes. Our owners' answers are bounded by their own limits and are
     * kilobytes; this keeps an instance that misbehaves from making this one hold any size in memory.
     */
    static final long MAX_ANSWER_BYTES = 4L << 20;

    private static final Logger LOG = Logger.getLogger(OwnerForwarder.class);
    /** The headers a caller proves who it is with: a bearer token, or an API key. */
    private static final List<String> CREDENTIAL_HEADERS = List.of(HttpHeaders.AUTHORIZATION, "X-API-Key");

    private final HttpClient client;
    private final Duration timeout;
    private final long retryAfterSeconds;

    /** The caller's credential headers, sent on with a forwarded query. */
    private final Supplier<Map<String, String>> credentials;

    /**
     * Forwards with the caller's own credential (its bearer token or API key): the owner checks the
     * same caller, and no instance trusts another merely for asking.
     */
    @Inject
    public OwnerForwarder(QuerySettings settings, CurrentVertxRequest current) {
        this(settings, () -> credentialsOf(currentRequest(current)));
    }

    /** Without credentials to send on (tests of the forwarding itself). */
    public OwnerForwarder(QuerySettings settings) {
        this(settings, Map::of);
    }

    /** Sending on what {@code credentials} gives for the request being answered (an instance without CDI). */
    public OwnerForwarder(QuerySettings settings, Supplier<Map<String, String>> credentials) {
        this.timeout = settings.forwardTimeout();
        this.retryAfterSeconds = settings.retryAfterSeconds();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.credentials = credentials;
    }

    /** The request being answered; null outside one (then nothing is sent on, and the owner refuses). */
    private static RoutingContext currentRequest(CurrentVertxRequest current) {
        try {
            return current.getCurrent();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    private static Map<String, String> credentialsOf(RoutingContext request) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (request != null) {
            for (String name : CREDENTIAL_HEADERS) {
                String value = request.request().getHeader(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
        }
        return headers;
    }

    /**
     * GETs {@code pathAndQuery} (already encoded) from {@code host:port}, as the {@code hops}-th
     * forward of this request; throws {@link StoreNotQueryableException} when it cannot.
     */
    public Response forward(String host, int port, String pathAndQuery, int hops) {
        return send(host, port, pathAndQuery, "GET", HttpRequest.BodyPublishers.noBody(), hops);
    }

    /**
     * POSTs {@code jsonBody} to {@code path} of {@code host:port}: a lookup whose identifier must stay
     * out of URLs (and so out of access logs) on the forwarded hop too.
     */
    public Response forwardPost(String host, int port, String path, String jsonBody, int hops) {
        return send(host, port, path, "POST", HttpRequest.BodyPublishers.ofString(jsonBody), hops);
    }

    private Response send(String host, int port, String pathAndQuery, String method, HttpRequest.BodyPublisher body,
            int hops) {
        // The path only in logs and problems: a lookup's query carries the identifier looked up
        // (?email=...), personal data that belongs in neither.
        String path = pathAndQuery.split("\\?", 2)[0];
        if (hops >= MAX_HOPS) {
            throw new StoreNotQueryableException("the instance owning " + path
                    + " is changing (rebalancing); retry shortly", retryAfterSeconds, null);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + pathAndQuery));
        credentials.get().forEach(builder::header);
        HttpRequest request = builder
                .timeout(timeout)
                .header(HttpHeaders.ACCEPT, "application/json, application/problem+json")
                .header(FORWARDED_HEADER, "true")
                .header(HOPS_HEADER, String.valueOf(hops + 1))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .method(method, body)
                .build();
        try {
            // Bounded body included: an owner that hangs mid-answer must not hold this request thread,
            // nor one that answers without end fill this instance's heap.
            HttpResponse<String> answer = client.send(request,
                    WholeAnswer.within(timeout, MAX_ANSWER_BYTES, HttpResponse.BodyHandlers.ofString()));
            Response.ResponseBuilder out = Response.status(answer.statusCode())
                    .type(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_JSON))
                    .entity(answer.body());
            for (String relayed : RELAYED_HEADERS) {
                answer.headers().firstValue(relayed).ifPresent(v -> out.header(relayed, v));
            }
            return out.build();
        } catch (IOException e) {
            LOG.warnf("instance %s:%d did not answer %s: %s", host, port, path, e.toString());
            throw new StoreNotQueryableException("the instance owning " + path + " at " + host + ":" + port
                    + " did not answer; retry shortly", retryAfterSeconds, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreNotQueryableException("interrupted while asking " + host + ":" + port, retryAfterSeconds, e);
        }
    }

    /**
     * Forwards a request as this instance received it to the owner of its key, unless another
     * instance forwarded it here already: then the two disagree on the owner, which is moving.
     */
    public Response forwardOnce(String host, int port, URI requested, boolean forwarded) {
        return forwardOnce(host, port, pathAndQuery(requested), forwarded);
    }

    /** {@link #forwardOnce(String, int, URI, boolean)} of {@code pathAndQuery} (already encoded). */
    public Response forwardOnce(String host, int port, String pathAndQuery, boolean forwarded) {
        if (forwarded) {
            throw new StoreNotQueryableException("the owner of " + pathAndQuery + " is changing (rebalancing)",
                    retryAfterSeconds, null);
        }
        return forward(host, port, pathAndQuery, 0);
    }

    /**
     * The body of a GET of {@code path?params} on the owner, for an answer composed from several
     * owners; null when it answers 404. Any other answer means the state cannot be read now.
     */
    public String fetch(String host, int port, String path, Map<String, String> params, int hops) {
        String query = query(params);
        Response answer = forward(host, port, query.isEmpty() ? path : path + "?" + query, hops);
        if (answer.getStatus() == 404) {
            return null;
        }
        if (answer.getStatus() != 200) {
            throw new StoreNotQueryableException("the instance at " + host + ":" + port + " answered "
                    + answer.getStatus() + " for " + path, retryAfterSeconds, null);
        }
        return (String) answer.getEntity();
    }

    /** The raw (still encoded) path and query of a request URI. */
    public static String pathAndQuery(URI requested) {
        return requested.getRawQuery() == null ? requested.getRawPath()
                : requested.getRawPath() + "?" + requested.getRawQuery();
    }

    /** {@code a=1&b=2} with every value percent-encoded, so a team named "R&D" stays one parameter. */
    public static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((name, value) -> sb.append(sb.length() == 0 ? "" : "&").append(name).append('=')
                .append(segment(value)));
        return sb.toString();
    }

    /** One percent-encoded path segment or query value (a space as %20, never +). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

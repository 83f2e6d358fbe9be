package io.omnipulse.scoring.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.ProblemMappers;
import io.omnipulse.queries.NotQueryableMapper;
import io.omnipulse.queries.OwnerForwarder;
import io.omnipulse.queries.StoreNotQueryableException;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.streams.EffortQueries;
import io.omnipulse.scoring.streams.ScoreQueries;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of a second scoring instance in the test JVM, where a second Quarkus application
 * cannot run: a real HTTP server on that instance's application.server port that calls the
 * service's own resources, wired to that instance's Kafka Streams, and maps their answers and
 * exceptions as the service's exception mappers do. Only the JAX-RS parameter binding is done here.
 * It records each request it receives, so a test can see that another instance forwarded to it.
 */
final class InstanceServer implements AutoCloseable {

    /** A request as it arrived: raw path and query, and whether another instance forwarded it. */
    record Received(String pathAndQuery, boolean forwarded) {
    }

    private static final Pattern CUSTOMER = Pattern.compile("/v1/customers/([^/]+)(/scores|/effort|/merged-into)");

    private final HttpServer server;
    private final ObjectMapper json;
    private final ScoresResource scores;
    private final EffortResource effort;
    private final CustomersResource customers;
    private final ConsistencyResource consistency;
    private final ProblemMappers problems = new ProblemMappers();
    private final NotQueryableMapper unavailable;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    /** The Authorization header of the request this thread is answering. */
    private final ThreadLocal<String> authorization = new ThreadLocal<>();

    InstanceServer(int port, ScoreQueries scoreQueries, EffortQueries effortQueries, ScoringConfig config,
            ObjectMapper json) {
        // As the Quarkus instance does: the caller's credential goes with a query forwarded to A.
        OwnerForwarder forwarder = new OwnerForwarder(QueryWiring.of(config), () -> authorization.get() == null
                ? Map.of() : Map.of("Authorization", authorization.get()));
        this.json = json;
        this.scores = new ScoresResource(scoreQueries, forwarder);
        this.effort = new EffortResource(effortQueries, forwarder);
        this.customers = new CustomersResource(scoreQueries, effortQueries, forwarder);
        this.consistency = new ConsistencyResource(scoreQueries, forwarder);
        this.unavailable = new NotQueryableMapper(QueryWiring.of(config));
        try {
            this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // Several threads, as in Quarkus: an answer composed here may wait for the other instance.
        server.setExecutor(workers);
        server.start();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI requested = exchange.getRequestURI();
        String forwarded = exchange.getRequestHeaders().getFirst(OwnerForwarder.FORWARDED_HEADER);
        received.add(new Received(requested.getRawPath()
                + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery()), forwarded != null));
        UriInfo uri = uriInfo(URI.create("http://localhost:" + server.getAddress().getPort()).resolve(requested));
        Response answer;
        authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        try {
            answer = route(requested.getRawPath(), query(requested.getRawQuery()), forwarded, uri);
        } catch (InvalidRequestException e) {
            answer = problems.invalid(e, uri);
        } catch (StoreNotQueryableException e) {
            answer = unavailable.unavailable(e, uri);
        } catch (WebApplicationException e) {
            answer = problems.web(e, uri);
        } catch (RuntimeException e) {
            answer = problems.unexpected(e, uri);
        } finally {
            authorization.remove();
        }
        write(exchange, answer);
    }

    private Response route(String path, Map<String, String> q, String forwarded, UriInfo uri) {
        Matcher customer = CUSTOMER.matcher(path);
        if (customer.matches()) {
            String id = URLDecoder.decode(customer.group(1), StandardCharsets.UTF_8);
            return switch (customer.group(2)) {
                case "/scores" -> customers.scores(id, forwarded);
                case "/effort" -> customers.effort(id, forwarded);
                default -> customers.mergedInto(id, forwarded);
            };
        }
        return switch (path) {
            case "/v1/scores" -> scores.scores(q.get("scope"), q.get("key"), q.get("window"), q.get("at"), forwarded, uri);
            case "/v1/scores/trend" -> scores.trend(q.get("scope"), q.get("key"), q.get("metric"), q.get("bucket"),
                    q.get("from"), q.get("to"), forwarded, uri);
            case "/v1/scores/consistency" -> Response.ok(consistency.consistency(q.get("scope"), q.get("key"),
                    q.get("window"), q.get("at"))).build();
            case "/v1/effort" -> effort.effort(q.get("scope"), q.get("key"), forwarded, uri);
            case "/v1/effort/agreement" -> effort.agreement(q.get("scope"), q.get("key"), forwarded, uri);
            default -> throw new NotFoundException("no resource " + path + " on this test instance");
        };
    }

    private void write(HttpExchange exchange, Response answer) throws IOException {
        Object entity = answer.getEntity();
        byte[] body = entity == null ? new byte[0]
                : entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(entity);
        answer.getStringHeaders().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        if (answer.getMediaType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.getMediaType().toString());
        }
        exchange.sendResponseHeaders(answer.getStatus(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** The two things the resources and mappers ask of UriInfo: the request URI and its path. */
    private static UriInfo uriInfo(URI requestUri) {
        return (UriInfo) Proxy.newProxyInstance(InstanceServer.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestUri" -> requestUri;
                    case "getPath" -> requestUri.getPath();
                    case "toString" -> "UriInfo(" + requestUri + ")";
                    default -> throw new UnsupportedOperationException("UriInfo." + method.getName());
                });
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}

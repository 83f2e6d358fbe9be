package io.omnipulse.alerting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnipulse.alerting.config.AlertingConfig;
import io.omnipulse.http.WholeAnswer;
import io.smallrye.context.api.ManagedExecutorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Asks profile-service for a customer's profile (journey and identifiers) and scoring-service for the
 * customer's scores, asynchronously, with short timeouts and a bound on each answer's size. Each
 * answer is checked to be the JSON it should be; a part whose service is not configured is an empty
 * Optional.
 *
 * <p>Each request is a blocking {@code send} on a small managed executor, not {@code sendAsync}:
 * the JDK client completes every {@code sendAsync} through CompletableFuture's default executor,
 * which on a machine with two cores (common-pool parallelism 1) starts a new thread per task. That
 * was one thread per request and retry, some 13,000 during a detractor storm.
 */
@ApplicationScoped
public class ContextClient {

    private final AlertingConfig.Context config;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final ManagedExecutor requests;

    /**
     * {@code requests}: at most {@link #CONCURRENT_REQUESTS} requests in flight, the rest queued;
     * no context is propagated (the requests need none, and no transaction must follow them).
     */
    public ContextClient(AlertingConfig config, ObjectMapper mapper,
            @ManagedExecutorConfig(maxAsync = CONCURRENT_REQUESTS, propagated = {}, cleared = ThreadContext.ALL_REMAINING)
            ManagedExecutor requests) {
        this.config = config.context();
        this.mapper = mapper;
        this.requests = requests;
        // The client's own executor stays the JDK's: the blocking sends wait on its tasks, so it must
        // not be the executor they run on.
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    /** Requests in flight at once: a batch of alerts (two parts each) is fetched eight at a time. */
    static final int CONCURRENT_REQUESTS = 8;

    /**
     * The customer's profile: its newest journey entries (oldest first, as profile-service orders them)
     * and the identifiers to reach the customer by. One request gives both: the profile holds the same
     * journey that {@code /v1/customers/{id}/journey} answers.
     */
    public Optional<CompletableFuture<ProfileAnswer>> profile(String customerId) {
        return config.profileUrl().map(base -> get(resolve(base, "/v1/customers/" + encode(customerId)))
                .thenApply(body -> {
                    JsonNode profile = parse(body, "profile-service");
                    if (!profile.isObject() || !profile.path("journey").isArray()) {
                        throw new ContextException(
                                "profile-service answered a profile that is not a JSON object with a journey array");
                    }
                    return ProfileAnswer.read(profile, config.journeySize());
                }));
    }

    /** The customer's NPS, CES and CSAT over the configured window. */
    public Optional<CompletableFuture<String>> scores(String customerId) {
        return config.scoringUrl().map(base -> get(resolve(base, "/v1/scores?scope=customer&key="
                + encode(customerId) + "&window=" + encode(config.scoresWindow())))
                .thenApply(body -> {
                    JsonNode scores = parse(body, "scoring-service");
                    if (!scores.isObject()) {
                        throw new ContextException("scoring-service answered scores that are not a JSON object");
                    }
                    return scores.toString();
                }));
    }

    private CompletableFuture<String> get(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Accept", "application/json");
        config.apiKey().ifPresent(key -> builder.header("X-API-Key", key));
        HttpRequest request = builder.GET().build();
        return requests.supplyAsync(() -> {
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                // 404: the customer is not (yet) known there; 503: the service is loading. Both may pass.
                throw new ContextException(uri.getPath() + " answered " + response.statusCode());
            }
            return response.body();
        });
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, WholeAnswer.within(config.timeout(), config.maxAnswerSize().asLongValue(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            // Completes the future exceptionally with the IOException itself (e.g. HttpTimeoutException).
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private JsonNode parse(String body, String service) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new ContextException(service + " answered something that is not JSON");
        }
    }

    private static URI resolve(URI base, String pathAndQuery) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A part could not be fetched; the message says why, for the alert's context.error. */
    static final class ContextException extends RuntimeException {

        ContextException(String message) {
            super(message, null, false, false);
        }
    }
}

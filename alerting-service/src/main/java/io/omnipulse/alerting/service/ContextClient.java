package io.omnipulse.alerting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.omnipulse.alerting.config.AlertingConfig;
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

/**
 * Asks profile-service for a customer's journey and scoring-service for the customer's scores,
 * asynchronously and with short timeouts. Each answer is checked to be the JSON it should be and
 * comes back as compact JSON text; a part whose service is not configured is an empty Optional.
 */
@ApplicationScoped
public class ContextClient {

    private final AlertingConfig.Context config;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public ContextClient(AlertingConfig config, ObjectMapper mapper) {
        this.config = config.context();
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    /** The newest journey entries (oldest first, as profile-service orders them). */
    public Optional<CompletableFuture<String>> journey(String customerId) {
        return config.profileUrl().map(base -> get(resolve(base, "/v1/customers/" + encode(customerId) + "/journey"))
                .thenApply(body -> {
                    JsonNode journey = parse(body, "profile-service");
                    if (!journey.isArray()) {
                        throw new ContextException("profile-service answered a journey that is not a JSON array");
                    }
                    return newest((ArrayNode) journey, config.journeySize()).toString();
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

    static ArrayNode newest(ArrayNode journey, int size) {
        if (journey.size() <= size) {
            return journey;
        }
        ArrayNode tail = journey.arrayNode();
        for (int i = journey.size() - size; i < journey.size(); i++) {
            tail.add(journey.get(i));
        }
        return tail;
    }

    private CompletableFuture<String> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                // 404: the customer is not (yet) known there; 503: the service is loading. Both may pass.
                throw new ContextException(uri.getPath() + " answered " + response.statusCode());
            }
            return response.body();
        });
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

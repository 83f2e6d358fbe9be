package io.omnipulse.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.streams.StoreNotQueryableException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Forwarding to the owning instance, against a real local HTTP server standing in for it. */
class OwnerForwarderTest {

    record Config(Duration dedupRetention, Duration dedupPurgeInterval, Duration grace, Duration bucketPurgeInterval,
            Duration attributionHorizon, Duration historyRetention, int historyMaxInteractions,
            Duration mergeRetention, Duration forwardTimeout, int retryAfterSeconds) implements ScoringConfig {
    }

    static final ScopeKey CHAT = new ScopeKey(Scope.CHANNEL, "chat");

    final OwnerForwarder forwarder = new OwnerForwarder(
            new Config(Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(7), Duration.ofHours(1),
                    Duration.ofDays(7), Duration.ofDays(30), 50, Duration.ofDays(90), Duration.ofSeconds(2), 2));
    final AtomicReference<String> askedFor = new AtomicReference<>();
    final AtomicReference<String> forwardedHeader = new AtomicReference<>();
    HttpServer owner;

    void startOwner(int status, String contentType, String body, String retryAfter) throws IOException {
        owner = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        owner.createContext("/v1/scores", exchange -> {
            askedFor.set(exchange.getRequestURI().toString());
            forwardedHeader.set(exchange.getRequestHeaders().getFirst(OwnerForwarder.FORWARDED_HEADER));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        owner.start();
    }

    @AfterEach
    void stopOwner() {
        if (owner != null) {
            owner.stop(0);
        }
    }

    @Test
    void relaysTheOwnersAnswerAndMarksTheQueryAsForwarded() throws IOException {
        startOwner(200, "application/json", "{\"scope\":\"channel\",\"key\":\"chat\"}", null);

        Response relayed = forwarder.forward("localhost", owner.getAddress().getPort(), CHAT);

        assertThat(relayed.getStatus()).isEqualTo(200);
        assertThat(relayed.getEntity()).isEqualTo("{\"scope\":\"channel\",\"key\":\"chat\"}");
        assertThat(relayed.getMediaType().toString()).isEqualTo("application/json");
        assertThat(askedFor.get()).isEqualTo("/v1/scores?scope=channel&key=chat");
        assertThat(forwardedHeader.get()).isEqualTo("true");
    }

    @Test
    void relaysAnOwnersUnavailableWithItsRetryAfter() throws IOException {
        startOwner(503, "application/problem+json", "{\"status\":503}", "2");

        Response relayed = forwarder.forward("localhost", owner.getAddress().getPort(), CHAT);

        assertThat(relayed.getStatus()).isEqualTo(503);
        assertThat(relayed.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(relayed.getMediaType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void unreachableOwnerMeansNotQueryableNow() throws IOException {
        startOwner(200, "application/json", "{}", null);
        int port = owner.getAddress().getPort();
        owner.stop(0);
        owner = null;

        assertThatThrownBy(() -> forwarder.forward("localhost", port, CHAT))
                .isInstanceOf(StoreNotQueryableException.class).hasMessageContaining("did not answer");
    }
}

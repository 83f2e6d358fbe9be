package io.omnipulse.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Forwarding to the owning instance, against a real local HTTP server standing in for it. */
class OwnerForwarderTest {

    /** A scores query as scoring-service forwards it: scope channel, key chat. */
    static final String CHAT = "/v1/scores?" + OwnerForwarder.query(chat());

    final OwnerForwarder forwarder = new OwnerForwarder(new QuerySettings(Duration.ofSeconds(2), 2));
    final AtomicReference<String> askedFor = new AtomicReference<>();
    final AtomicReference<String> forwardedHeader = new AtomicReference<>();
    final AtomicReference<String> hopsHeader = new AtomicReference<>();
    final AtomicReference<String> askedWith = new AtomicReference<>();
    final AtomicReference<String> authorization = new AtomicReference<>();
    HttpServer owner;

    void startOwner(int status, String contentType, String body, String retryAfter) throws IOException {
        owner = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        owner.createContext("/v1/scores", exchange -> {
            askedFor.set(exchange.getRequestURI().toString());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            askedWith.set(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            forwardedHeader.set(exchange.getRequestHeaders().getFirst(OwnerForwarder.FORWARDED_HEADER));
            hopsHeader.set(exchange.getRequestHeaders().getFirst(OwnerForwarder.HOPS_HEADER));
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

    static Map<String, String> chat() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("scope", "channel");
        params.put("key", "chat");
        return params;
    }

    @Test
    void relaysTheOwnersAnswerAndMarksTheQueryAsForwarded() throws IOException {
        startOwner(200, "application/json", "{\"scope\":\"channel\",\"key\":\"chat\"}", null);

        Response relayed = forwarder.forward("localhost", owner.getAddress().getPort(), CHAT, 0);

        assertThat(relayed.getStatus()).isEqualTo(200);
        assertThat(relayed.getEntity()).isEqualTo("{\"scope\":\"channel\",\"key\":\"chat\"}");
        assertThat(relayed.getMediaType().toString()).isEqualTo("application/json");
        assertThat(askedFor.get()).isEqualTo("/v1/scores?scope=channel&key=chat");
        assertThat(forwardedHeader.get()).isEqualTo("true");
    }

    @Test
    void relaysAnOwnersUnavailableWithItsRetryAfter() throws IOException {
        startOwner(503, "application/problem+json", "{\"status\":503}", "2");

        Response relayed = forwarder.forward("localhost", owner.getAddress().getPort(), CHAT, 0);

        assertThat(relayed.getStatus()).isEqualTo(503);
        assertThat(relayed.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(relayed.getMediaType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void unreachableOwnerMeansNotQueryableNowAndTheAnswerDoesNotRepeatTheIdentifierLookedUp() throws IOException {
        startOwner(200, "application/json", "{}", null);
        int port = owner.getAddress().getPort();
        owner.stop(0);
        owner = null;

        assertThatThrownBy(() -> forwarder.forward("localhost", port, CHAT, 0))
                .isInstanceOf(StoreNotQueryableException.class).hasMessageContaining("did not answer")
                .satisfies(e -> assertThat(((StoreNotQueryableException) e).getResponse().getHeaderString("Retry-After"))
                        .isEqualTo("2"));
        assertThatThrownBy(() -> forwarder.forward("localhost", port, "/v1/customers?email=ann%40example.com", 0))
                .isInstanceOf(StoreNotQueryableException.class).hasMessageContaining("/v1/customers")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ann").doesNotContain("email="));
    }

    @Test
    void anAnswerLargerThanTheBoundIsNotRelayed() throws IOException {
        startOwner(200, "application/json", "\"" + "x".repeat((int) OwnerForwarder.MAX_ANSWER_BYTES) + "\"", null);

        assertThatThrownBy(() -> forwarder.forward("localhost", owner.getAddress().getPort(), CHAT, 0))
                .isInstanceOf(StoreNotQueryableException.class)
                .hasRootCauseMessage("an answer larger than " + OwnerForwarder.MAX_ANSWER_BYTES + " bytes");
    }

    @Test
    void aLookupByBodyIsForwardedAsAPostWithItsBodySoTheIdentifierStaysOutOfTheUrl() throws IOException {
        startOwner(200, "application/json", "{\"customerId\":\"cus-1\"}", null);

        Response relayed = forwarder.forwardPost("localhost", owner.getAddress().getPort(), "/v1/scores/lookup",
                "{\"email\":\"ann@example.com\"}", 0);

        assertThat(relayed.getStatus()).isEqualTo(200);
        assertThat(askedFor.get()).isEqualTo("/v1/scores/lookup");
        assertThat(askedWith.get()).isEqualTo("POST {\"email\":\"ann@example.com\"}");
        assertThat(hopsHeader.get()).isEqualTo("1");
    }

    @Test
    void theCallersCredentialGoesWithTheForwardedQuerySoTheOwnerChecksTheSameCaller() throws IOException {
        startOwner(200, "application/json", "{}", null);
        OwnerForwarder asCaller = new OwnerForwarder(new QuerySettings(Duration.ofSeconds(2), 2),
                () -> Map.of("Authorization", "Bearer the-callers-token"));

        asCaller.forward("localhost", owner.getAddress().getPort(), CHAT, 0);

        assertThat(authorization.get()).isEqualTo("Bearer the-callers-token");
    }

    @Test
    void countsHopsAndGivesUpAfterTheLast() throws IOException {
        startOwner(200, "application/json", "{}", null);

        forwarder.forward("localhost", owner.getAddress().getPort(), CHAT, 1);

        assertThat(hopsHeader.get()).isEqualTo("2");
        assertThatThrownBy(() -> forwarder.forward("localhost", owner.getAddress().getPort(), CHAT,
                OwnerForwarder.MAX_HOPS)).isInstanceOf(StoreNotQueryableException.class);
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() throws IOException {
        startOwner(200, "application/json", "{}", null);
        int port = owner.getAddress().getPort();

        assertThat(forwarder.forwardOnce("localhost", port, CHAT, false).getStatus()).isEqualTo(200);
        assertThat(hopsHeader.get()).isEqualTo("1");
        assertThatThrownBy(() -> forwarder.forwardOnce("localhost", port, CHAT, true))
                .isInstanceOf(StoreNotQueryableException.class).hasMessageContaining("rebalancing");
    }

    @Test
    void fetchReadsABodyAndReadsA404AsNothing() throws IOException {
        startOwner(200, "application/json", "{\"n\":1}", null);
        assertThat(forwarder.fetch("localhost", owner.getAddress().getPort(), "/v1/scores", chat(), 0))
                .isEqualTo("{\"n\":1}");
        assertThat(askedFor.get()).isEqualTo("/v1/scores?scope=channel&key=chat");
        owner.stop(0);

        startOwner(404, "application/problem+json", "{\"status\":404}", null);
        assertThat(forwarder.fetch("localhost", owner.getAddress().getPort(), "/v1/scores", Map.of(), 0)).isNull();
        owner.stop(0);

        startOwner(503, "application/problem+json", "{\"status\":503}", "2");
        int port = owner.getAddress().getPort();
        assertThatThrownBy(() -> forwarder.fetch("localhost", port, "/v1/scores", Map.of(), 0))
                .isInstanceOf(StoreNotQueryableException.class).hasMessageContaining("503");
    }

    @Test
    void queryValuesArePercentEncoded() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("scope", "team");
        params.put("key", "R&D north");
        assertThat(OwnerForwarder.query(params)).isEqualTo("scope=team&key=R%26D%20north");
    }
}

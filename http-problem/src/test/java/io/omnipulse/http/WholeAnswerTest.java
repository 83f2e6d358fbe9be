package io.omnipulse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against a real HTTP server on loopback: one path answers at once, one sends its headers and then hangs. */
class WholeAnswerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/whole", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/hanging", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write('{');
            exchange.getResponseBody().flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        stopped.countDown();
        server.stop(0);
    }

    @Test
    void aWholeAnswerWithinTheTimeoutIsReturned() throws Exception {
        HttpResponse<String> response = http.send(request("/whole"),
                WholeAnswer.within(TIMEOUT, HttpResponse.BodyHandlers.ofString()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
    }

    /**
     * Without the bound this send never returns (the request timeout stops at the headers): the JUnit
     * timeout turns that into a failure instead of a hung build.
     */
    @Test
    @Timeout(30)
    void anAnswerWhoseBodyNeverEndsFailsAsATimeout() {
        assertThatThrownBy(() -> http.send(request("/hanging"),
                WholeAnswer.within(TIMEOUT, HttpResponse.BodyHandlers.ofString())))
                .isInstanceOf(HttpTimeoutException.class).hasMessageContaining("no complete answer within");
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(TIMEOUT).GET().build();
    }
}

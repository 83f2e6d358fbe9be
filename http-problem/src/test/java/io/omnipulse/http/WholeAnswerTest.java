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
        server.createContext("/endless", exchange -> {
            // Chunked, as a peer streaming an answer with no end: only the size bound stops it.
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[4096];
            try {
                while (stopped.getCount() > 0) {
                    exchange.getResponseBody().write(chunk);
                }
            } catch (IOException e) {
                // the client went away: what the bound is for
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

    @Test
    void anAnswerWithinItsSizeBoundIsReturnedWhole() throws Exception {
        HttpResponse<String> response = http.send(request("/whole"),
                WholeAnswer.within(TIMEOUT, "{\"ok\":true}".length(), HttpResponse.BodyHandlers.ofString()));
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void anAnswerOneByteOverItsSizeBoundIsRefused() {
        assertThatThrownBy(() -> http.send(request("/whole"),
                WholeAnswer.within(TIMEOUT, "{\"ok\":true}".length() - 1, HttpResponse.BodyHandlers.ofString())))
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("an answer larger than 10 bytes");
    }

    /** Refused as soon as it passes the bound, long before the time bound (an endless body would reach it). */
    @Test
    @Timeout(30)
    void anAnswerThatGrowsWithoutEndIsRefusedAtItsSizeBound() {
        assertThatThrownBy(() -> http.send(request("/endless"),
                WholeAnswer.within(Duration.ofMinutes(5), 64 * 1024, HttpResponse.BodyHandlers.ofString())))
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("an answer larger than 65536 bytes");
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(TIMEOUT).GET().build();
    }
}

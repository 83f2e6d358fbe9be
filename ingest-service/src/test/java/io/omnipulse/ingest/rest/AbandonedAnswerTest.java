package io.omnipulse.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.LogCapture;
import io.omnipulse.problem.ProblemMappers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A client that stops waiting (it timed out, or went away) before its answer is written is no
 * error of the service: the write fails, and that is logged at DEBUG, not as an ERROR with a stack
 * trace, which under overload would flood the log with one per abandoned request.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class AbandonedAnswerTest {

    @Test
    void anAnswerWhoseClientHasGoneIsLoggedAtDebugNotAsAnError() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (LogCapture log = LogCapture.of(Level.FINE, ProblemMappers.class.getName())) {
            try (Socket client = new Socket("localhost", port)) {
                client.getOutputStream().write("GET /test-only/large-answer HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                // The first bytes of the answer: the service is writing it, and, as nobody reads the rest,
                // waits for the connection to take more. Then the client gives up.
                byte[] start = client.getInputStream().readNBytes(12);
                assertThat(new String(start, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            }

            await("the failed write logged").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> log.lines().stream().anyMatch(line -> line.message().contains("/test-only/large-answer")));
            assertThat(log.lines()).filteredOn(line -> line.atLeast(Level.WARNING))
                    .as("warnings or errors logged for an answer nobody waited for").isEmpty();
            assertThat(log.lines()).extracting(LogCapture.Line::message)
                    .anyMatch(m -> m.contains("the client closed the connection before the answer was written"));
        }
    }

    /** Test only: an answer larger than what the connection's buffers take before its client reads. */
    @Path("/test-only/large-answer")
    public static class LargeAnswerResource {

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> answer() {
            return Map.of("padding", "x".repeat(32 * 1024 * 1024));
        }
    }
}

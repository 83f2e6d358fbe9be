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
import jakarta.ws.rs.core.StreamingOutput;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
                byte[] start = client.getInputStream().readNBytes(12);
                assertThat(new String(start, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                // The service writes until the connection takes no more, as nobody reads: then it waits.
                // Once it has written nothing for half a second, the client gives up. (Only a write that
                // waits fails when the connection closes; one made after that is dropped without an error.)
                long[] last = {-1};
                await("the service waiting for the connection").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).until(() -> {
                            long now = LargeAnswerResource.WRITTEN.get();
                            boolean stalled = now > 0 && now == last[0];
                            last[0] = now;
                            return stalled;
                        });
            }

            await("the failed write logged").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> log.lines().stream().anyMatch(line -> line.message().contains("/test-only/large-answer")));
            assertThat(log.lines()).filteredOn(line -> line.atLeast(Level.WARNING))
                    .as("warnings or errors logged for an answer nobody waited for").isEmpty();
            assertThat(log.lines()).extracting(LogCapture.Line::message)
                    .anyMatch(m -> m.contains("the client closed the connection before the answer was written"));
        }
    }

    /**
     * Test only: an answer larger than the connection takes while its client does not read. Counts
     * what it has written, so that the test can tell when the service waits for the connection.
     */
    @Path("/test-only/large-answer")
    public static class LargeAnswerResource {

        static final AtomicLong WRITTEN = new AtomicLong();

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public StreamingOutput answer() {
            return out -> {
                out.write("{\"padding\":\"".getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 4096; i++) {
                    out.write(chunk);
                    out.flush();
                    WRITTEN.addAndGet(chunk.length);
                }
                out.write("\"}".getBytes(StandardCharsets.US_ASCII));
            };
        }
    }
}

package io.omnipulse.devstack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DockerProbeTest {

    @Test
    void missingSocketMeansNoDocker() {
        assertThat(DockerProbe.engineAnswers(Path.of("/nonexistent/docker.sock"), Duration.ofSeconds(1))).isFalse();
    }

    @Test
    @Timeout(30)
    void socketThatAcceptsButNeverAnswersIsGivenUpOn() throws Exception {
        Path socket = TestInfrastructure.tempDir("probe").resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertThat(DockerProbe.engineAnswers(socket, Duration.ofMillis(500))).isFalse();
        }
    }

    @Test
    @Timeout(30)
    void engineThatAnswersPingIsUsable() throws Exception {
        Path socket = TestInfrastructure.tempDir("probe").resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread engine = new Thread(() -> {
                try (SocketChannel client = server.accept()) {
                    client.read(ByteBuffer.allocate(256));
                    client.write(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"
                            .getBytes(StandardCharsets.US_ASCII)));
                } catch (Exception ignored) {
                    // the probe's verdict is what the test checks
                }
            });
            engine.start();
            assertThat(DockerProbe.engineAnswers(socket, Duration.ofSeconds(10))).isTrue();
            engine.join();
        }
    }
}

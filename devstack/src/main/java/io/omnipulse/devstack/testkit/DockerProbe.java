package io.omnipulse.devstack.testkit;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Asks the local Docker engine for {@code /_ping} with a hard deadline. Testcontainers' own probe
 * can hang for minutes on a socket that accepts but never answers; this one gives up in seconds.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean engineAnswers(Duration timeout) {
        return engineAnswers(socketPath(), timeout);
    }

    static boolean engineAnswers(Path socket, Duration timeout) {
        if (socket == null || !Files.exists(socket)) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer buffer = ByteBuffer.allocate(512);
            StringBuilder answer = new StringBuilder();
            while (System.nanoTime() < deadline) {
                long waitMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (selector.select(waitMillis) == 0) {
                    continue;
                }
                selector.selectedKeys().clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                buffer.flip();
                answer.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
                if (answer.indexOf("\r\n\r\n") >= 0) {
                    return answer.toString().startsWith("HTTP/1.") && answer.indexOf(" 200 ") > 0;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path socketPath() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            return Path.of("/var/run/docker.sock");
        }
        return host.startsWith("unix://") ? Path.of(host.substring("unix://".length())) : null;
    }
}

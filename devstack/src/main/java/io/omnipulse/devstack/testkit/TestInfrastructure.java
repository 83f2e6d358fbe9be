package io.omnipulse.devstack.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * One real Kafka broker and one real PostgreSQL per test JVM, started on first use and stopped
 * when the JVM exits; fresh data every run. Containers (Testcontainers) with
 * {@code OMNIPULSE_TEST_INFRA=containers}, or with the default {@code auto} when a Docker engine
 * answers {@code /_ping} within three seconds; otherwise the embedded servers.
 * {@code OMNIPULSE_TEST_INFRA=embedded} never touches Docker.
 */
public final class TestInfrastructure {

    private static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static InfrastructureBackend backend;

    private TestInfrastructure() {
    }

    /** Bootstrap servers of the shared broker, with every catalog topic created. */
    public static String kafkaBootstrapServers() {
        return backend().kafkaBootstrapServers();
    }

    /** A database of its own on the shared PostgreSQL server. */
    public static JdbcTarget database(String name) {
        return backend().database(name);
    }

    static synchronized InfrastructureBackend backend() {
        if (backend == null) {
            backend = choose(System.getenv().getOrDefault("OMNIPULSE_TEST_INFRA", "auto"));
        }
        return backend;
    }

    private static InfrastructureBackend choose(String setting) {
        return switch (setting.toLowerCase(Locale.ROOT)) {
            case "containers" -> new ContainerBackend();
            case "auto" -> DockerProbe.engineAnswers(DOCKER_PROBE_TIMEOUT) ? new ContainerBackend() : new EmbeddedBackend();
            case "embedded" -> new EmbeddedBackend();
            default -> throw new IllegalArgumentException(
                    "OMNIPULSE_TEST_INFRA must be embedded, containers or auto, not " + setting);
        };
    }

    /**
     * A new, empty directory, e.g. a Kafka Streams state dir that no earlier run can pollute; deleted
     * with all it holds when the JVM exits, after the servers of this class have stopped.
     */
    public static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            ExitCleanup.deleteAtExit(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

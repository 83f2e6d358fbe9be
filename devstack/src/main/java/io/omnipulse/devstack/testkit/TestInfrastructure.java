package io.omnipulse.devstack.testkit;

import io.omnipulse.devstack.KafkaBroker;
import io.omnipulse.devstack.PostgresServer;
import io.omnipulse.devstack.TopicProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real Kafka broker and one real PostgreSQL per test JVM, started on first use and stopped
 * when the JVM exits. Every JVM gets fresh data directories, so no test sees another run's data.
 */
public final class TestInfrastructure {

    private static KafkaBroker kafka;
    private static PostgresServer postgres;

    private TestInfrastructure() {
    }

    /** Bootstrap servers of the shared broker, with every catalog topic created. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = KafkaBroker.start(tempDir("omnipulse-kafka"), 0);
            TopicProvisioner.createAll(kafka.bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "test-kafka-stop"));
        }
        return kafka.bootstrapServers();
    }

    /** The shared PostgreSQL server. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(tempDir("omnipulse-pg"), 0, false);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-stop"));
        }
        return postgres;
    }

    /** A new, empty directory, e.g. a Kafka Streams state dir that no earlier run can pollute. */
    public static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.omnipulse.devstack.testkit;

import io.omnipulse.devstack.TopicProvisioner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Kafka and PostgreSQL in containers, chosen only when {@link DockerProbe} found a Docker engine
 * that answers (or OMNIPULSE_TEST_INFRA=containers). Same versions as the embedded servers.
 */
final class ContainerBackend implements InfrastructureBackend {

    private KafkaContainer kafka;
    private PostgreSQLContainer postgres;

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.1");
            kafka.start();
            TopicProvisioner.createAll(kafka.getBootstrapServers());
        }
        return kafka.getBootstrapServers();
    }

    @Override
    public synchronized JdbcTarget database(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        if (postgres == null) {
            postgres = new PostgreSQLContainer("postgres:17");
            postgres.start();
        }
        String url = postgres.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword()); Statement s = c.createStatement()) {
            if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new JdbcTarget(url, postgres.getUsername(), postgres.getPassword());
    }
}

package io.omnipulse.devstack.testkit;

import io.omnipulse.devstack.KafkaBroker;
import io.omnipulse.devstack.PostgresServer;
import io.omnipulse.devstack.TopicProvisioner;

/** The default: a KRaft broker inside the test JVM and the zonky PostgreSQL binaries, no Docker. */
final class EmbeddedBackend implements InfrastructureBackend {

    private KafkaBroker kafka;
    private PostgresServer postgres;

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = BrokerExitGuard.start(TestInfrastructure.tempDir("omnipulse-kafka"));
            TopicProvisioner.createAll(kafka.bootstrapServers());
            ExitCleanup.stopAtExit(kafka);
        }
        return kafka.bootstrapServers();
    }

    @Override
    public synchronized JdbcTarget database(String name) {
        if (postgres == null) {
            postgres = PostgresServer.start(TestInfrastructure.tempDir("omnipulse-pg"), 0, false);
            ExitCleanup.stopAtExit(postgres);
        }
        postgres.ensureDatabase(name);
        return new JdbcTarget(postgres.jdbcUrl(name), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}

package io.omnipulse.devstack.testkit;

import io.omnipulse.devstack.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a {@code @QuarkusTest} datasource at the JVM's real PostgreSQL, in a database of its own. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "omnipulse_test";

    @Override
    public Map<String, String> start() {
        PostgresServer pg = TestInfrastructure.postgres();
        pg.ensureDatabase(DATABASE);
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(DATABASE),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // PostgreSQL lives as long as the test JVM so that later test classes reuse it.
    }
}

package io.omnipulse.devstack.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a {@code @QuarkusTest} datasource at the JVM's real PostgreSQL, in a database of its own. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "omnipulse_test";

    @Override
    public Map<String, String> start() {
        JdbcTarget db = TestInfrastructure.database(DATABASE);
        return Map.of(
                "quarkus.datasource.jdbc.url", db.url(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // PostgreSQL lives as long as the test JVM so that later test classes reuse it.
    }
}

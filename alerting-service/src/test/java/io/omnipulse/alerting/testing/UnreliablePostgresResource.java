package io.omnipulse.alerting.testing;

import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real PostgreSQL of {@link PostgresTestResource}, reached through a {@link TcpProxy} that a
 * test can cut and restore: {@link #reachable(boolean)}. The switch is kept in the system
 * properties as a JDK type, because the resource and the test class live in different class loaders.
 */
public class UnreliablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String SWITCH = "omnipulse.test.postgres-reachable";

    private final PostgresTestResource postgres = new PostgresTestResource();
    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(postgres.start());
        String jdbcUrl = config.get("quarkus.datasource.jdbc.url");
        URI upstream = URI.create(jdbcUrl.substring("jdbc:".length()));
        proxy = new TcpProxy(upstream.getHost(), upstream.getPort());
        config.put("quarkus.datasource.jdbc.url", jdbcUrl.replace(upstream.getHost() + ":" + upstream.getPort(),
                "localhost:" + proxy.port()));
        TcpProxy current = proxy;
        System.getProperties().put(SWITCH, (Consumer<Boolean>) up -> {
            if (up) {
                current.restore();
            } else {
                current.cut();
            }
        });
        return config;
    }

    /** Cuts (false) or restores (true) the way to PostgreSQL. */
    @SuppressWarnings("unchecked")
    public static void reachable(boolean up) {
        ((Consumer<Boolean>) System.getProperties().get(SWITCH)).accept(up);
    }

    @Override
    public void stop() {
        System.getProperties().remove(SWITCH);
        if (proxy != null) {
            proxy.close();
        }
        postgres.stop();
    }
}

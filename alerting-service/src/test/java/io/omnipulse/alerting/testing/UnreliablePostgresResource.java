package io.omnipulse.alerting.testing;

import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real PostgreSQL of {@link PostgresTestResource}, reached through a {@link TcpProxy} that a
 * test can cut and restore: the test declares a field {@code Consumer<Boolean> postgresReachable},
 * which this resource fills (a JDK type, because the resource and the test class live in
 * different class loaders).
 */
public class UnreliablePostgresResource implements QuarkusTestResourceLifecycleManager {

    /** The name of the test's field that receives the switch. */
    public static final String FIELD = "postgresReachable";

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
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        TcpProxy current = proxy;
        Consumer<Boolean> reachable = up -> {
            if (up) {
                current.restore();
            } else {
                current.cut();
            }
        };
        injector.injectIntoFields(reachable, field -> field.getName().equals(FIELD));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        postgres.stop();
    }
}

package io.omnipulse.alerting.testing;

import io.omnipulse.devstack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Reserves a free port for a fake profile-service and scoring-service (one JDK HTTP server, two
 * path prefixes) and points customer context enrichment at it. The test that checks enrichment
 * starts the server on this port; while it is not running, enrichment meets a closed port.
 */
public class ContextServersResource implements QuarkusTestResourceLifecycleManager {

    public static final String PROFILE_PATH = "/profile";
    public static final String SCORING_PATH = "/scoring";

    @Override
    public Map<String, String> start() {
        String base = "http://127.0.0.1:" + Ports.free();
        return Map.of(
                "omnipulse.alerting.context.profile-url", base + PROFILE_PATH,
                "omnipulse.alerting.context.scoring-url", base + SCORING_PATH);
    }

    @Override
    public void stop() {
        // nothing held: the port was only reserved for the configuration
    }
}

package io.omnipulse.streamsupport.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness follows the Kafka Streams client ({@link StreamsStateTracker#ready()}), on top of the extension's
 * own readiness check (the input topics exist). The extension's state check is a liveness check, and
 * readiness alone used to answer UP while the stream thread was dead.
 */
@Readiness
@ApplicationScoped
public class StreamsRunningCheck implements HealthCheck {

    static final String NAME = "Kafka Streams is processing";

    private final StreamsStateTracker tracker;

    public StreamsRunningCheck(StreamsStateTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .status(tracker.ready())
                .withData("state", tracker.state().name())
                .build();
    }
}

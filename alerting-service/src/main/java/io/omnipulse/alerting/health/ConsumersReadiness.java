package io.omnipulse.alerting.health;

import io.omnipulse.alerting.messaging.CustomerMergeConsumer;
import io.omnipulse.alerting.messaging.ErasureConsumer;
import io.omnipulse.alerting.messaging.ResolvedEventConsumer;
import io.omnipulse.alerting.messaging.SignalConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every incoming channel's consumer has joined its group and none is waiting out a
 * transient failure (e.g. PostgreSQL away). Not a liveness check: a restart fixes neither. The
 * Kafka connection and the datasource have their own checks from the extensions. The live screens'
 * feed (LiveAlertFeed) is left out on purpose: raising and handling alerts does not depend on it,
 * and an instance taken out of service for it would stop doing both.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    static final List<String> CHANNELS = List.of(ResolvedEventConsumer.CHANNEL, CustomerMergeConsumer.CHANNEL,
            SignalConsumers.SCORES, SignalConsumers.EFFORT, ErasureConsumer.CHANNEL);

    private final ConsumerStates states;

    public ConsumersReadiness(ConsumerStates states) {
        this.states = states;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("alerting-consumers").up();
        for (String channel : CHANNELS) {
            boolean joined = states.hasJoined(channel);
            String retrying = states.retryingFailure(channel).orElse(null);
            response.withData(channel, !joined ? "not in its group" : retrying != null ? "retrying " + retrying : "ok");
            if (!joined || retrying != null) {
                response.down();
            }
        }
        return response.build();
    }
}

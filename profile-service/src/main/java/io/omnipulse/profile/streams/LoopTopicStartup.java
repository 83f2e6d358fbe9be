package io.omnipulse.profile.streams;

import io.omnipulse.profile.config.ProfileConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure the loop topic exists; Kafka Streams waits for it (quarkus.kafka-streams.topics lists
 * it) before it starts, so the order of start-up does not matter.
 */
@ApplicationScoped
public class LoopTopicStartup {

    void onStart(@Observes StartupEvent event, ProfileConfig config,
            @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers) {
        if (config.createIdentityLoopTopic()) {
            LoopTopic.ensure(bootstrapServers, config.identityLoopTopic());
        }
    }
}

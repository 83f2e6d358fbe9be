package io.omnipulse.profile.streams;

import io.omnipulse.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the identity loop topic. It is a topic of this service alone (not in the wire catalog),
 * partitioned like the catalog so that the loop spreads over as many instances as the input.
 */
public final class LoopTopic {

    private LoopTopic() {
    }

    /** Creates {@code name} with the catalog's partition count unless it exists; replication: broker default. */
    public static void ensure(String bootstrapServers, String name) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(Topics.DEFAULT_PARTITIONS), Optional.empty())))
                    .all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }
}

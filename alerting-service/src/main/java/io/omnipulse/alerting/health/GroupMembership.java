package io.omnipulse.alerting.health;

import io.omnipulse.alerting.messaging.CustomerMergeConsumer;
import io.omnipulse.alerting.messaging.ErasureConsumer;
import io.omnipulse.alerting.messaging.ResolvedEventConsumer;
import io.omnipulse.alerting.messaging.SignalConsumers;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One rebalance listener per incoming channel (named in application.properties by
 * {@code consumer-rebalance-listener.name}), recording whether the channel's consumer is a member of
 * its group. Kafka calls onPartitionsAssigned after every completed join, also with no partition:
 * with six partitions and several instances, owning none of a topic is normal and still ready.
 */
@ApplicationScoped
public class GroupMembership {

    private final ConsumerStates states;

    public GroupMembership(ConsumerStates states) {
        this.states = states;
    }

    @Produces
    @Identifier("alerting-resolved-events")
    KafkaConsumerRebalanceListener resolvedEvents() {
        return listener(ResolvedEventConsumer.CHANNEL);
    }

    @Produces
    @Identifier("alerting-customer-merges")
    KafkaConsumerRebalanceListener customerMerges() {
        return listener(CustomerMergeConsumer.CHANNEL);
    }

    @Produces
    @Identifier("alerting-score-updates")
    KafkaConsumerRebalanceListener scoreUpdates() {
        return listener(SignalConsumers.SCORES);
    }

    @Produces
    @Identifier("alerting-effort-index")
    KafkaConsumerRebalanceListener effortIndex() {
        return listener(SignalConsumers.EFFORT);
    }

    @Produces
    @Identifier("alerting-erasures")
    KafkaConsumerRebalanceListener erasures() {
        return listener(ErasureConsumer.CHANNEL);
    }

    private KafkaConsumerRebalanceListener listener(String channel) {
        return new KafkaConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                states.joined(channel, true);
            }

            @Override
            public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                // Fenced out of the group (e.g. the session timed out); it rejoins on its next poll.
                states.joined(channel, false);
            }
        };
    }
}

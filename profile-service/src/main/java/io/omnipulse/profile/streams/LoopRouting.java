package io.omnipulse.profile.streams;

import io.omnipulse.events.CustomerKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Which partition of the loop topic, and so which task and which store partition, handles a key.
 *
 * <p>A customer id, or an event's key, goes where Kafka's default partitioner puts it. A typed
 * identifier goes where its own customer id goes ({@link CustomerKeys#customerIdOf}): that is the
 * partition on which ingest publishes the events whose strongest identifier it is, and on which that
 * customer's profile lives while the identifier leads its group. So the claim of an event's strongest
 * identifier, and the fold of an event into the profile of that identifier's customer, need no round
 * trip through the loop topic: they are handed to the processor in the same task ({@link #isLocal}),
 * which saves two of the loop's records and two commits of latency for most events.
 *
 * <p>Whether a key is local is decided from the loop topic's partition count, which Kafka Streams
 * gives the partitioner on every write; until the first write of this instance, nothing is local and
 * everything goes through the loop, which is always correct. Nothing assumes how producers
 * partitioned the contact events: an identifier is handled in the task only when the loop would have
 * brought it to that very task.
 */
final class LoopRouting implements StreamPartitioner<String, LoopMessage> {

    /** The loop topic's partition count, once a write has told it; 0 before. */
    private volatile int loopPartitions;

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, LoopMessage message, int partitions) {
        loopPartitions = partitions;
        if (key == null || message == null) {
            return Optional.empty();
        }
        return Optional.of(Set.of(partitionOf(routingKey(key, message), partitions)));
    }

    /** Whether the loop would bring {@code routingKey} to partition {@code taskPartition}, the current task's. */
    boolean isLocal(String routingKey, int taskPartition) {
        int partitions = loopPartitions;
        return partitions > 0 && partitionOf(routingKey, partitions) == taskPartition;
    }

    /** The key that places a message: an identifier's customer id for the steps an identifier handles. */
    static String routingKey(String key, LoopMessage message) {
        return message instanceof LoopMessage.ToIdentifier ? identifierRoutingKey(key) : key;
    }

    /** The key that places a typed identifier's steps, and its entry in the identifier index. */
    static String identifierRoutingKey(String typedIdentifier) {
        return CustomerKeys.customerIdOf(typedIdentifier);
    }

    /** Kafka's default partitioner for a String key (the producer's, for records with a key). */
    static int partitionOf(String routingKey, int partitions) {
        return Utils.toPositive(Utils.murmur2(routingKey.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}

package io.omnipulse.devstack.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** The partitions of topics and where each one ends, asked of the broker. */
final class EndOffsets {

    private EndOffsets() {
    }

    /** Every partition of {@code topics}. */
    static Set<TopicPartition> partitionsOf(Admin admin, Collection<String> topics) throws Exception {
        Set<TopicPartition> partitions = new HashSet<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        return partitions;
    }

    /** The end offset (next offset to be written) of each of {@code partitions}. */
    static Map<TopicPartition, Long> of(Admin admin, Collection<TopicPartition> partitions) throws Exception {
        return of(admin, partitions, IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * Where what a read_committed consumer can read of each of {@code partitions} ends (the last
     * stable offset): before the first record of a transaction still open.
     */
    static Map<TopicPartition, Long> stable(Admin admin, Collection<TopicPartition> partitions) throws Exception {
        return of(admin, partitions, IsolationLevel.READ_COMMITTED);
    }

    private static Map<TopicPartition, Long> of(Admin admin, Collection<TopicPartition> partitions,
            IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }
}

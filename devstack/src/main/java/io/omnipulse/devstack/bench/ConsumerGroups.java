package io.omnipulse.devstack.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer groups of a running stack and whether they have caught up. A service is found by the
 * prefix of its group id (a streams service's group is its application id, which changes with its
 * state format, so a bench never hard-codes it). Tests that rebuild a streams service use it too.
 */
public final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;
    private final TransactionGaps gaps;

    public ConsumerGroups(Admin admin, String bootstrapServers) {
        this.admin = admin;
        this.gaps = new TransactionGaps(bootstrapServers);
    }

    /** The active group whose id starts with {@code prefix} (the newest one if several are listed). */
    String find(String prefix) throws Exception {
        List<String> ids = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).filter(id -> id.startsWith(prefix)).sorted(Comparator.reverseOrder())
                .toList();
        for (String id : ids) {
            var description = admin.describeConsumerGroups(List.of(id)).all().get(30, TimeUnit.SECONDS).get(id);
            if (!description.members().isEmpty()) {
                return id;
            }
        }
        throw new IllegalStateException("no running consumer group starts with " + prefix + " (is the stack up?)");
    }

    /**
     * Waits until each group (mapped to the input topics it must have read, all their partitions) is
     * caught up on those and on every other partition it has committed on: nothing but transaction
     * markers between its committed offset and the end ({@link TransactionGaps}). Returns the seconds waited.
     */
    public double awaitCaughtUp(Map<String, Set<String>> groupsAndInputs, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!caughtUp(groupsAndInputs)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("groups " + groupsAndInputs.keySet() + " did not catch up within " + timeout);
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private boolean caughtUp(Map<String, Set<String>> groupsAndInputs) throws Exception {
        Map<String, Set<TopicPartition>> reads = new HashMap<>();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (var group : groupsAndInputs.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            committed.put(group.getKey(), offsets);
            Set<TopicPartition> partitions = new HashSet<>(offsets.keySet());
            partitions.addAll(EndOffsets.partitionsOf(admin, group.getValue()));
            reads.put(group.getKey(), partitions);
        }
        Set<TopicPartition> all = new HashSet<>();
        reads.values().forEach(all::addAll);
        // Committed data only: a group cannot be behind on what no read_committed consumer can read yet.
        Map<TopicPartition, Long> ends = EndOffsets.stable(admin, all);
        for (var group : reads.entrySet()) {
            Map<TopicPartition, long[]> behind = new HashMap<>();
            for (TopicPartition tp : group.getValue()) {
                OffsetAndMetadata at = committed.get(group.getKey()).get(tp);
                long from = at == null ? 0 : at.offset();
                if (from < ends.get(tp)) {
                    behind.put(tp, new long[] {from, ends.get(tp)});
                }
            }
            if (!gaps.holdingRecords(behind).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        gaps.close();
    }
}

package io.omnipulse.e2e;

import io.omnipulse.devstack.bench.TransactionGaps;
import io.omnipulse.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether every consumer group of the pipeline has processed its inputs up to given offsets: the
 * committed offset against the end offset (read committed) with an Admin client. A committed offset
 * short of the end can still be caught up when what lies between is only transaction markers (a
 * consumer commits the offset after the last record, not after the marker that follows it), so such
 * a gap is read with a read_committed consumer ({@link TransactionGaps}): caught up if it holds no record.
 */
final class ConsumerCatchUp implements AutoCloseable {

    /** Group id prefix (the scoring application id carries a version) and the topics that group reads. */
    static final Map<String, List<String>> INPUTS = Map.of(
            "omnipulse-profile", List.of(Topics.CONTACT_EVENTS.name(), Topics.PROFILE_IDENTITY_LOOP.name()),
            "omnipulse-scoring", List.of(Topics.RESOLVED_EVENTS.name(), Topics.CUSTOMER_MERGES.name(),
                    Topics.SCORING_MERGE_FOLDS.name()),
            "omnipulse-alerting", List.of(Topics.RESOLVED_EVENTS.name(), Topics.CUSTOMER_MERGES.name(),
                    Topics.SCORE_UPDATES.name(), Topics.EFFORT_INDEX.name()));

    private final Admin admin;
    private final TransactionGaps gapReader;

    ConsumerCatchUp(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        this.gapReader = new TransactionGaps(bootstrapServers);
    }

    /** The end offsets (last stable offsets) of every topic some group reads. */
    Map<TopicPartition, Long> endOffsets() throws Exception {
        return endOffsets(INPUTS.values().stream().flatMap(List::stream).distinct().toList());
    }

    Map<TopicPartition, Long> endOffsets(Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * What is not yet processed up to {@code targets}, as "group topic-partition committed/target"
     * lines; empty when every group has caught up.
     */
    List<String> behind(Map<TopicPartition, Long> targets) throws Exception {
        List<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).toList();
        List<String> behind = new ArrayList<>();
        for (Map.Entry<String, List<String>> input : INPUTS.entrySet()) {
            List<String> matching = groups.stream().filter(g -> g.startsWith(input.getKey())).toList();
            if (matching.size() != 1) {
                behind.add(input.getKey() + ": groups " + matching);
                continue;
            }
            String group = matching.get(0);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, long[]> gaps = new HashMap<>();
            for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
                TopicPartition tp = target.getKey();
                if (!input.getValue().contains(tp.topic()) || target.getValue() == 0) {
                    continue;
                }
                OffsetAndMetadata c = committed.get(tp);
                long at = c == null ? 0 : c.offset();
                if (at < target.getValue()) {
                    gaps.put(tp, new long[] {at, target.getValue()});
                }
            }
            for (TopicPartition tp : gapReader.holdingRecords(gaps)) {
                behind.add(group + " " + tp + " " + gaps.get(tp)[0] + "/" + gaps.get(tp)[1]);
            }
        }
        return behind;
    }

    @Override
    public void close() {
        gapReader.close();
        admin.close(Duration.ofSeconds(5));
    }
}

package io.omnipulse.devstack.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/**
 * How many records each topic of the broker took during a phase, from the end offsets before and
 * after it: the cost an event carries through the pipeline, topic by topic. Exactly-once
 * transactions leave a commit marker per partition and transaction, which counts here too, as it
 * costs the broker the same as a record.
 */
final class TopicRecords {

    private final Admin admin;

    TopicRecords(Admin admin) {
        this.admin = admin;
    }

    /** The sum of the end offsets of every partition, per topic (bench topics of its own left out). */
    Map<String, Long> endOffsets() throws Exception {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
                .get(30, TimeUnit.SECONDS).stream().filter(topic -> !topic.startsWith(RawProducerRate.TOPIC_PREFIX))
                .collect(Collectors.toSet());
        return EndOffsets.of(admin, EndOffsets.partitionsOf(admin, topics)).entrySet().stream()
                .collect(Collectors.groupingBy(entry -> entry.getKey().topic(), Collectors.summingLong(Map.Entry::getValue)));
    }

    /** Prints, per topic that grew, the records it took per event of the phase, largest first, and their sum. */
    static void print(Map<String, Long> before, Map<String, Long> after, int events) {
        Map<String, Long> grown = new HashMap<>();
        after.forEach((topic, end) -> {
            long records = end - before.getOrDefault(topic, 0L);
            if (records > 0) {
                grown.put(topic, records);
            }
        });
        System.out.printf("        records per event on the broker, %.1f in all:%n",
                grown.values().stream().mapToLong(Long::longValue).sum() / (double) events);
        grown.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(entry -> System.out.printf("          %5.2f  %s%n", entry.getValue() / (double) events,
                        entry.getKey()));
    }
}

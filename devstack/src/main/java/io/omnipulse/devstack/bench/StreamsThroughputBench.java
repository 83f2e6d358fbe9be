package io.omnipulse.devstack.bench;

import io.omnipulse.devstack.simulator.JourneyGenerator;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Sustained throughput of a Kafka Streams service of a running stack (./omnipulse): writes
 * {@code COUNT} simulated journey events onto the service's input topic as fast as the broker takes
 * them, then watches the service's consumer group until it has caught up with every topic it reads
 * (its input, its repartition and loop topics), and reports events per second over that span.
 * Because the writing is much faster than the processing, the figure is the service's drain rate on
 * this machine, with whatever else the stack runs downstream sharing the cores.
 * <pre>
 * java -cp "devstack/target/devstack-0.1.0-SNAPSHOT.jar:devstack/target/lib/*" \
 *   io.omnipulse.devstack.bench.StreamsThroughputBench scoring 20000
 * </pre>
 * {@code profile} writes to cx.contact-events.v1 and watches group {@code omnipulse-profile};
 * {@code scoring} writes to cx.resolved-events.v1 (as profile-service would) and watches
 * {@code omnipulse-scoring-v4}. A third argument overrides the group, a fourth the bootstrap servers.
 */
public final class StreamsThroughputBench {

    private StreamsThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        String service = args.length > 0 ? args[0] : "scoring";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Topic<String, ContactEvent> input = switch (service) {
            case "profile" -> Topics.CONTACT_EVENTS;
            case "scoring" -> Topics.RESOLVED_EVENTS;
            default -> throw new IllegalArgumentException("service is profile or scoring, not " + service);
        };
        String group = args.length > 2 ? args[2] : "profile".equals(service) ? "omnipulse-profile" : "omnipulse-scoring-v4";
        String bootstrap = args.length > 3 ? args[3] : "localhost:9092";

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            awaitCaughtUp(admin, group, input.name(), Duration.ofMinutes(2)); // start from a quiet service
            long start = System.nanoTime();
            int written = write(bootstrap, input, count);
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            awaitCaughtUp(admin, group, input.name(), Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: wrote %d events in %.1f s; group %s caught up after %.1f s: %.0f events/s%n",
                    service, written, writeSeconds, group, seconds, written / seconds);
        }
    }

    private static int write(String bootstrap, Topic<String, ContactEvent> input, int count) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10);
        JourneyGenerator journeys = new JourneyGenerator(System.nanoTime(), Math.max(1, count / 6));
        int written = 0;
        try (KafkaProducer<String, ContactEvent> producer = new KafkaProducer<>(props,
                input.keySerde().serializer(), input.valueSerde().serializer())) {
            while (written < count) {
                for (ContactEvent event : journeys.nextJourney(Instant.now())) {
                    producer.send(new ProducerRecord<>(input.name(), CustomerKeys.customerId(event.customer()), event));
                    written++;
                }
            }
            producer.flush();
        }
        return written;
    }

    /**
     * Caught up: no lag on the input, and at most one offset per partition of the topics the service
     * writes to itself, which is the marker an exactly-once transaction leaves behind its last record.
     */
    private static void awaitCaughtUp(Admin admin, String group, String input, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Set<TopicPartition> inputPartitions = admin.describeTopics(Set.of(input)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(input).partitions().stream()
                    .map(p -> new TopicPartition(input, p.partition())).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            inputPartitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            boolean caughtUp = latest.keySet().stream().allMatch(tp -> {
                OffsetAndMetadata at = committed.get(tp);
                long lag = ends.get(tp).offset() - (at == null ? 0 : at.offset());
                return tp.topic().equals(input) ? lag == 0 : lag <= 1;
            });
            if (caughtUp) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("group " + group + " did not catch up within " + timeout);
    }
}

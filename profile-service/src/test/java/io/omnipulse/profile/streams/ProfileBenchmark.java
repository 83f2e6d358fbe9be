package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.profile.domain.IdentityNode;
import io.omnipulse.profile.domain.ProfileLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a timed test: a harness that pushes N events through the whole topology (loop included) and
 * prints events per second; in a TopologyTestDriver (which commits after every record, so slow) it
 * also prints the serialized state per customer. Runs only when asked:
 * {@code ./mvnw -B -o -pl profile-service verify -Dtest=ProfileBenchmark -Dbenchmark=true
 * -Dbenchmark.mode=broker|ttd -Dbenchmark.events=20000} (broker: {@code -Dbenchmark.warmup=1 -Dbenchmark.runs=3}
 * runs the application once unmeasured, then three times on the same events and prints the median).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ProfileBenchmark {

    @Test
    @EnabledIfSystemProperty(named = "benchmark.mode", matches = "broker")
    void pushEventsThroughTheRealBrokerAndReportThroughput() throws Exception {
        int total = Integer.getInteger("benchmark.events", 20_000);
        int runs = Integer.getInteger("benchmark.runs", 1);
        List<ContactEvent> events = events(new Random(1), total, Math.max(1, total / 4));
        String bootstrap = io.omnipulse.devstack.testkit.TestInfrastructure.kafkaBootstrapServers();
        var topic = io.omnipulse.events.Topics.CONTACT_EVENTS;
        java.util.Map<String, Object> producerConfig = java.util.Map.of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 20);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(producerConfig,
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (ContactEvent e : events) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic.name(),
                        CustomerKeys.customerId(e.customer()), e));
            }
            producer.flush();
        }
        // Every run is a new application (own loop topic, state and offsets) reading the same events
        // from the start, so the runs measure the same work and their median is comparable.
        // Warm-up runs (not counted) let the JIT compile the hot paths first; the machine is shared,
        // so the first run is otherwise much slower than the rest.
        for (int run = 1; run <= Integer.getInteger("benchmark.warmup", 0); run++) {
            runOnce(bootstrap, total, -run);
        }
        List<Double> rates = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            rates.add(runOnce(bootstrap, total, run));
        }
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf("BENCHMARK broker median of %d runs: events/s=%.0f (runs %s)%n", runs,
                sorted.get(sorted.size() / 2), rates.stream().map(r -> String.format("%.0f", r)).toList());
    }

    private static double runOnce(String bootstrap, int total, int run) throws Exception {
        String app = "omnipulse-profile-benchmark-" + System.nanoTime();
        String loop = app + "-loop";
        io.omnipulse.devstack.TopicProvisioner.create(bootstrap, List.of(new org.apache.kafka.clients.admin.NewTopic(
                loop, io.omnipulse.events.Topics.PROFILE_IDENTITY_LOOP.partitions(), (short) 1)));
        java.util.Properties props = new java.util.Properties();
        props.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, app);
        props.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG,
                io.omnipulse.devstack.testkit.TestInfrastructure.tempDir("profile-benchmark").toString());
        props.put(org.apache.kafka.streams.StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                org.apache.kafka.streams.StreamsConfig.EXACTLY_ONCE_V2);
        props.put(org.apache.kafka.streams.StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        var streams = new org.apache.kafka.streams.KafkaStreams(new ProfileTopology(ProfileLimits.DEFAULTS,
                io.omnipulse.profile.domain.IdentityRules.DEFAULTS, loop, registry).buildTopology(), props);
        long start = System.nanoTime();
        long processCpuStart = processCpuNanos();
        streams.start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(30))
                    .pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> registry.counter("omnipulse.profile.events.folded").count()
                            + registry.counter("omnipulse.profile.events.ignored", "reason", "duplicate").count() >= total);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCHMARK broker run %d (1 instance, 1 stream thread, exactly_once_v2, start-up included):"
                    + " events=%d seconds=%.1f events/s=%.0f merges=%.0f%n", run, total, seconds, total / seconds,
                    registry.counter("omnipulse.profile.customers.merged").count());
            // CPU time, unlike events/s, hardly depends on what else the shared machine is running.
            System.out.printf("BENCHMARK cpu per input event: stream thread=%.3f ms, whole test JVM (embedded broker"
                    + " included)=%.3f ms%n", streamThreadCpuNanos(app) / 1e6 / total,
                    (processCpuNanos() - processCpuStart) / 1e6 / total);
            reportRecordsWritten(streams, loop, total);
            assertThat(registry.counter("omnipulse.profile.events.resolved").count()).isGreaterThanOrEqualTo(total);
            return total / seconds;
        } finally {
            streams.close(java.time.Duration.ofSeconds(10));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of this application's stream threads (alive until it is closed). */
    private static long streamThreadCpuNanos(String app) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(app) && t.getName().contains("StreamThread")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    /**
     * Records written per input event, from the stream thread's producer (what the broker is asked to
     * store): loop topic, changelogs, public sinks. Taken when the last event was folded; loop messages
     * still settling the grouping after that are not counted.
     */
    private static void reportRecordsWritten(org.apache.kafka.streams.KafkaStreams streams, String loop, int total) {
        double loopRecords = 0;
        double changelog = 0;
        double sinks = 0;
        java.util.Map<String, Double> byTopic = new java.util.TreeMap<>();
        for (var metric : streams.metrics().values()) {
            var name = metric.metricName();
            if (!"producer-topic-metrics".equals(name.group()) || !"record-send-total".equals(name.name())) {
                continue;
            }
            String t = name.tags().get("topic");
            double n = ((Number) metric.metricValue()).doubleValue();
            byTopic.merge(t, n, Double::sum);
            if (t.equals(loop)) {
                loopRecords += n;
            } else if (t.endsWith("-changelog")) {
                changelog += n;
            } else {
                sinks += n;
            }
        }
        System.out.printf("BENCHMARK records per input event: loop=%.2f changelog=%.2f sinks=%.2f total=%.2f%n",
                loopRecords / total, changelog / total, sinks / total, (loopRecords + changelog + sinks) / total);
        byTopic.forEach((t, n) -> System.out.printf("BENCHMARK   %s: %.0f (%.2f per event)%n", t, n, n / total));
    }

    @Test
    @EnabledIfSystemProperty(named = "benchmark.mode", matches = "ttd")
    void pushEventsThroughTheTopologyAndReportThroughputAndStateSize() {
        int total = Integer.getInteger("benchmark.events", 20_000);
        int people = Math.max(1, total / 4);
        List<ContactEvent> events = events(new Random(1), total, people);
        try (TopologyTestDriver driver = TopologyTestSupport.driver(
                new ProfileTopology(ProfileLimits.DEFAULTS, new SimpleMeterRegistry()).buildTopology())) {
            var input = TopologyTestSupport.contactEvents(driver);
            int warmup = Math.min(1000, total / 10);
            for (ContactEvent e : events.subList(0, warmup)) {
                input.pipeInput(CustomerKeys.customerId(e.customer()), e);
            }
            long start = System.nanoTime();
            for (ContactEvent e : events.subList(warmup, total)) {
                input.pipeInput(CustomerKeys.customerId(e.customer()), e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            long profiles = 0;
            long pointers = 0;
            long profileBytes = 0;
            long pointerBytes = 0;
            KeyValueStore<String, CustomerRecord> records = driver.getKeyValueStore(ProfileTopology.PROFILE_STORE);
            try (KeyValueIterator<String, CustomerRecord> all = records.all()) {
                while (all.hasNext()) {
                    var kv = all.next();
                    long size = kv.key.length() + ProfileTopology.RECORD_SERDE.serializer().serialize("", kv.value).length;
                    if (kv.value.isMerged()) {
                        pointers++;
                        pointerBytes += size;
                    } else {
                        profiles++;
                        profileBytes += size;
                    }
                }
            }
            long identifiers = 0;
            long identityBytes = 0;
            KeyValueStore<String, IdentityNode> nodes = driver.getKeyValueStore(ProfileTopology.IDENTIFIER_INDEX_STORE);
            try (KeyValueIterator<String, IdentityNode> all = nodes.all()) {
                while (all.hasNext()) {
                    var kv = all.next();
                    identifiers++;
                    identityBytes += kv.key.length() + ProfileTopology.NODE_SERDE.serializer().serialize("", kv.value).length;
                }
            }
            long perCustomer = (profileBytes + pointerBytes + identityBytes) / Math.max(1, profiles);
            System.out.printf("BENCHMARK events=%d (timed %d) seconds=%.2f events/s=%.0f%n", total, total - warmup,
                    seconds, (total - warmup) / seconds);
            System.out.printf("BENCHMARK live profiles=%d avg profile bytes=%d; merged-id pointers=%d avg bytes=%d;"
                            + " identifiers=%d avg node bytes=%d%n", profiles, profileBytes / Math.max(1, profiles),
                    pointers, pointerBytes / Math.max(1, pointers), identifiers, identityBytes / Math.max(1, identifiers));
            System.out.printf("BENCHMARK state per customer (all stores, serialized)=%d bytes -> per 100,000 customers=%.1f MB%n",
                    perCustomer, perCustomer * 100_000 / 1e6);
            assertThat(profiles).isPositive();
        }
    }

    /** Customers with an e-mail, a phone and a visitor id, contacting on every channel, 1 in 4 events linking two ids. */
    private static List<ContactEvent> events(Random random, int total, int people) {
        List<ContactEvent> out = new ArrayList<>(total);
        Channel[] channels = Channel.values();
        for (int n = 0; n < total; n++) {
            int p = random.nextInt(people);
            String email = "person" + p + "@example.com";
            String phone = "+44 20 7" + String.format("%07d", p);
            String visitor = "v-" + p;
            CustomerIds who = switch (random.nextInt(4)) {
                case 0 -> new CustomerIds(null, email, null, null, null);
                case 1 -> new CustomerIds(null, null, phone, null, null);
                case 2 -> new CustomerIds(null, null, null, null, visitor);
                default -> new CustomerIds(null, email, random.nextBoolean() ? phone : null, null, visitor);
            };
            out.add(interaction("b-" + n, channels[random.nextInt(channels.length)], at(random.nextInt(100_000)), who));
        }
        return out;
    }
}

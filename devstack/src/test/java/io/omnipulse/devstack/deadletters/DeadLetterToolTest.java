package io.omnipulse.devstack.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.devstack.testkit.TestInfrastructure;
import io.omnipulse.events.DeadLetters;
import io.omnipulse.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dead letters written as the services write them, listed and replayed against a real broker. */
class DeadLetterToolTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String SECRET = "ann.secret@example.com";

    private final String bootstrap = TestInfrastructure.kafkaBootstrapServers();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private DeadLetterTool tool;
    /** Unique per test, so that dead letters of other tests on the shared broker are filtered out. */
    private String service;

    @BeforeEach
    void setUp() {
        tool = new DeadLetterTool(bootstrap, new PrintStream(printed, true, StandardCharsets.UTF_8),
                Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
        service = "test-service-" + UUID.randomUUID();
    }

    @Test
    void listShowsWhereEachDeadLetterCameFromButNeverItsContent() throws Exception {
        deadLetter(Topics.CONTACT_EVENTS.name(), 2, 17, T0, "k-1", "{\"email\":\"" + SECRET + "\"}");
        deadLetter(Topics.SCORE_UPDATES.name(), 4, 99, T0.plusSeconds(60), "k-2", "garbage");

        int listed = tool.list(DeadLetterSelection.ALL.withService(service));

        String out = output();
        assertThat(listed).isEqualTo(2);
        assertThat(out).contains("service=" + service + " source=cx.contact-events.v1/2@17 stage=process failed-at="
                + T0 + " error=java.lang.IllegalArgumentException: bad value at 17 key=3B value=")
                .contains("source=cx.score-updates.v1/4@99").contains("value=7B")
                .doesNotContain(SECRET).doesNotContain("garbage");
    }

    @Test
    void listFiltersBySourceTopicAndTime() throws Exception {
        deadLetter(Topics.CONTACT_EVENTS.name(), 0, 1, T0, "a", "1");
        deadLetter(Topics.CONTACT_EVENTS.name(), 0, 2, T0.plusSeconds(120), "b", "2");
        deadLetter(Topics.RESOLVED_EVENTS.name(), 0, 3, T0.plusSeconds(120), "c", "3");

        int listed = tool.list(DeadLetterSelection.ALL.withService(service)
                .withSourceTopic(Topics.CONTACT_EVENTS.name()).withSince(T0.plusSeconds(60)));

        assertThat(listed).isEqualTo(1);
        assertThat(output()).contains("source=cx.contact-events.v1/0@2").doesNotContain("@1 ").doesNotContain("@3 ");
    }

    @Test
    void replaySendsTheOriginalBytesOnceToTheSourcePartition() throws Exception {
        String topic = Topics.CONTACT_EVENTS.name();
        String marker = UUID.randomUUID().toString();
        deadLetter(topic, 3, 40, T0, "key-" + marker, "value-40-" + marker);
        deadLetter(topic, 3, 41, T0, "key-" + marker, "value-41-" + marker);
        deadLetter(topic, 3, 42, T0, "key-" + marker, "value-42-" + marker);
        DeadLetterSelection offsets40to41 = DeadLetterSelection.ALL.withService(service).withSourceTopic(topic)
                .withSourcePartition(3).withOffsets(40, 41);

        assertThat(tool.replay(offsets40to41, false)).isEqualTo(2);
        awaitCopies(topic, marker, "3 key-" + marker + " value-40-" + marker, "3 key-" + marker + " value-41-" + marker);

        // A second replay of a wider selection sends only what was not replayed yet.
        DeadLetterSelection all = DeadLetterSelection.ALL.withService(service);
        assertThat(tool.replay(all, false)).isEqualTo(1);
        assertThat(tool.replay(all, false)).isZero();
        awaitCopies(topic, marker, "3 key-" + marker + " value-40-" + marker, "3 key-" + marker + " value-41-" + marker,
                "3 key-" + marker + " value-42-" + marker);
        assertThat(output()).contains("0 dead letter(s) replayed, 3 already replayed before");

        printed.reset();
        tool.list(all);
        assertThat(output()).contains("3 dead letter(s)").containsSubsequence("[replayed]", "[replayed]", "[replayed]");

        // Asked explicitly, it sends them again.
        assertThat(tool.replay(offsets40to41.withOffsets(42, 42), true)).isEqualTo(1);
        awaitCopies(topic, marker, "3 key-" + marker + " value-40-" + marker, "3 key-" + marker + " value-41-" + marker,
                "3 key-" + marker + " value-42-" + marker, "3 key-" + marker + " value-42-" + marker);
    }

    private void deadLetter(String sourceTopic, int partition, long offset, Instant failedAt, String key, String value)
            throws Exception {
        DeadLetters.Origin origin = new DeadLetters.Origin(service, sourceTopic, partition, offset,
                DeadLetters.Stage.PROCESS, IllegalArgumentException.class.getName(), "bad value at " + offset, failedAt);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8), origin.toHeaders())).get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until the topic holds exactly these copies. A transaction's commit markers are written
     * just after the commit returns, so a reader may see a replay a moment later; more copies than
     * expected never turn into fewer, so a duplicate still fails.
     */
    private void awaitCopies(String topic, String marker, String... expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(copiesOnTopic(topic, marker)).containsExactlyInAnyOrder(expected));
    }

    /** "partition key value" of every record on the topic whose key carries the marker. */
    private List<String> copiesOnTopic(String topic, String marker) {
        List<String> found = new ArrayList<>();
        TopicReader.readAll(bootstrap, topic, Duration.ofSeconds(60), r -> {
            String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
            if (key.endsWith(marker)) {
                found.add(r.partition() + " " + key + " " + new String(r.value(), StandardCharsets.UTF_8));
            }
        });
        return found;
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}

package io.omnipulse.scoring.health;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.omnipulse.devstack.testkit.OwnKafkaBroker;
import io.omnipulse.devstack.testkit.RawRecords;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.DeadLetters.Origin;
import io.omnipulse.events.DeadLetters.Stage;
import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records nobody can handle, written straight onto the topics scoring-service reads (resolved events,
 * merges and its merge-folds loop): each ends in the dead-letter topic with its original bytes and where
 * it came from, the next answer on the same partition is still counted, and the service stays ready.
 * On a broker of its own, so that its answers never reach the exact counts of ScoringServiceTest.
 */
@QuarkusTest
@TestProfile(OwnKafkaBroker.class)
class PoisonRecordsTest {

    private static final String EVENTS = Topics.RESOLVED_EVENTS.name();
    private static final String MERGES = Topics.CUSTOMER_MERGES.name();
    private static final String FOLDS = Topics.SCORING_MERGE_FOLDS.name();
    private static final String ERASURES = Topics.ERASURES.name();
    private static RawRecords raw;

    @BeforeAll
    static void connect() throws Exception {
        raw = new RawRecords(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        raw.enlarge(EVENTS, Topics.DEAD_LETTERS.name());
    }

    @AfterAll
    static void disconnect() {
        raw.close();
    }

    @Test
    void brokenJsonWrongTypesAndNulBytesInEventsAreDeadLettered() throws Exception {
        poisonThenCounted("broken", EVENTS, "{\"eventId\": \"p-1\", ".getBytes(StandardCharsets.UTF_8),
                Stage.DESERIALIZE);
        poisonThenCounted("types", EVENTS, ("{\"eventId\":\"p-2\",\"source\":\"s\",\"type\":\"feedback\","
                + "\"channel\":\"email\",\"occurredAt\":true,\"customer\":\"ann\"}").getBytes(StandardCharsets.UTF_8),
                Stage.DESERIALIZE);
        poisonThenCounted("nul", EVENTS, "{\"eventId\":\"p-3\u0000\"}".getBytes(StandardCharsets.UTF_8),
                Stage.DESERIALIZE);
    }

    @Test
    void anAnswerDatedYearMinus300MillionIsDeadLettered() throws Exception {
        ContactEvent ancient = answer("p-4", "ancient", Instant.parse("-300000000-01-01T00:00:00Z"));
        poisonThenCounted("ancient", EVENTS, json(ancient), Stage.DESERIALIZE);
    }

    @Test
    void aTwoMegabyteCustomerIdIsDeadLetteredInsteadOfKillingTheStreamThread() throws Exception {
        String hugeId = "cus-" + "7".repeat(2 * 1024 * 1024);
        byte[] value = json(answer("p-5", "huge", Instant.now()));
        RecordMetadata written = raw.send(EVENTS, hugeId, value);
        assertDeadLetter(written, value, Stage.PRODUCE);
        counted("huge-next", EVENTS);
    }

    @Test
    void unreadableMergesAndFoldsAreDeadLettered() throws Exception {
        poisonThenCounted("merge", MERGES, "{\"survivorId\": ".getBytes(StandardCharsets.UTF_8), Stage.DESERIALIZE);
        poisonThenCounted("merge-types", MERGES, "{\"survivorId\":{\"a\":1},\"mergedAt\":[true]}"
                .getBytes(StandardCharsets.UTF_8), Stage.DESERIALIZE);
        poisonThenCounted("fold", FOLDS, new byte[] {0, 0, 0}, Stage.DESERIALIZE);
        poisonThenCounted("fold-json", FOLDS, "{\"kind\":".getBytes(StandardCharsets.UTF_8), Stage.DESERIALIZE);
    }

    @Test
    void unreadableErasureRequestsAreDeadLetteredAndTheNextOneIsApplied() throws Exception {
        String key = CustomerKeys.customerId(customer("erased"));
        byte[] broken = "{\"erasureId\": ".getBytes(StandardCharsets.UTF_8);
        assertDeadLetter(raw.send(ERASURES, key, broken), broken, Stage.DESERIALIZE);
        byte[] withoutTime = ("{\"erasureId\":\"p-e0\",\"customerId\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
        assertDeadLetter(raw.send(ERASURES, key, withoutTime), withoutTime, Stage.DESERIALIZE);

        byte[] valid = Topics.ERASURES.valueSerde().serializer().serialize(ERASURES,
                new ErasureRequested("p-e1", key, Instant.now(), "dpo@example.com"));
        raw.send(ERASURES, key, valid);
        assertThat(progressOf("p-e1").customerId()).isEqualTo(key);
    }

    /** scoring-service's progress record of an erasure, read committed. */
    private static ErasureProgress progressOf(String erasureId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "poison-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AtomicReference<ErasureProgress> found = new AtomicReference<>();
        try (KafkaConsumer<String, ErasureProgress> consumer = new KafkaConsumer<>(config,
                Topics.ERASURE_PROGRESS.keySerde().deserializer(), Topics.ERASURE_PROGRESS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.ERASURE_PROGRESS.name()));
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (erasureId.equals(r.key())) {
                        found.set(r.value());
                    }
                });
                return found.get() != null;
            });
        }
        return found.get();
    }

    @Test
    void deadLettersAreCountedAndFreshnessIsExported() throws Exception {
        poisonThenCounted("metrics", EVENTS, "nope".getBytes(StandardCharsets.UTF_8), Stage.DESERIALIZE);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("omnipulse_dead_letters_total\\{[^}]*service=\"scoring-service\"[^}]*stage=\"deserialize\""
                        + "[^}]*topic=\"cx.resolved-events.v1\"[^}]*} [1-9]")
                .containsPattern("omnipulse_streams_event_freshness_seconds\\{[^}]*topic=\"cx.resolved-events.v1\"")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    /** A poison record and then an answer for the same key, so on the same partition: both handled. */
    private static void poisonThenCounted(String name, String topic, byte[] poison, Stage expectedStage)
            throws Exception {
        String key = CustomerKeys.customerId(customer(name));
        RecordMetadata written = raw.send(topic, key, poison);
        assertDeadLetter(written, poison, expectedStage);
        counted(name, EVENTS);
    }

    /** An answer from a team of its own is counted in that team's scores. */
    private static void counted(String name, String topic) throws Exception {
        raw.send(topic, CustomerKeys.customerId(customer(name)), json(answer("good-" + name, name, Instant.now())));
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().queryParam("scope", "team").queryParam("key", "team-" + name).get("/v1/scores")
                        .then().statusCode(200).body("csat.n", equalTo(1)));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Kafka Streams is processing"));
    }

    private static void assertDeadLetter(RecordMetadata written, byte[] value, Stage expectedStage) {
        ConsumerRecord<byte[], byte[]> deadLetter = raw.awaitDeadLetter(written);
        // Compared whole but not printed whole: some are megabytes.
        assertThat(Arrays.equals(deadLetter.value(), value))
                .as("dead letter of %d bytes holds the original %d bytes",
                        deadLetter.value() == null ? -1 : deadLetter.value().length, value.length)
                .isTrue();
        Origin origin = Origin.from(deadLetter.headers()).orElseThrow();
        assertThat(origin.service()).isEqualTo("scoring-service");
        assertThat(origin.stage()).isEqualTo(expectedStage);
        assertThat(origin.errorClass()).isNotBlank();
    }

    private static CustomerIds customer(String name) {
        return new CustomerIds(null, name + "@example.com", null, null, null);
    }

    private static ContactEvent answer(String eventId, String name, Instant at) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, Channel.EMAIL, at, customer(name), null,
                null, "team-" + name, null, new FeedbackDetails(Metric.CSAT, 5, null, null, null), null);
    }

    private static byte[] json(ContactEvent event) {
        return Topics.RESOLVED_EVENTS.valueSerde().serializer().serialize(EVENTS, event);
    }
}

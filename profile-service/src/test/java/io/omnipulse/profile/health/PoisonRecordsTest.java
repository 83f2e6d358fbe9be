package io.omnipulse.profile.health;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
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
import io.omnipulse.events.Topics;
import io.omnipulse.profile.streams.ProfileTopology;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records nobody can handle, written straight onto the topics profile-service reads: each ends in the
 * dead-letter topic with its original bytes and where it came from, the next event on the same partition
 * is still resolved, and the service stays ready. On a broker and application of its own, so that its
 * events never reach the counts other test classes assert.
 */
@QuarkusTest
@TestProfile(OwnKafkaBroker.class)
class PoisonRecordsTest {

    private static final String INPUT = Topics.CONTACT_EVENTS.name();
    private static final String LOOP = ProfileTopology.DEFAULT_LOOP_TOPIC;
    private static RawRecords raw;

    @BeforeAll
    static void connect() throws Exception {
        raw = new RawRecords(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        raw.enlarge(INPUT, Topics.DEAD_LETTERS.name());
    }

    @AfterAll
    static void disconnect() {
        raw.close();
    }

    @Test
    void brokenJsonIsDeadLetteredAndTheNextEventIsResolved() throws Exception {
        poisonThenGood("broken", "{\"eventId\": \"p-1\", \"source\": ".getBytes(StandardCharsets.UTF_8),
                Stage.DESERIALIZE);
    }

    @Test
    void wrongTypesAreDeadLettered() throws Exception {
        poisonThenGood("types", ("{\"eventId\":\"p-2\",\"source\":\"s\",\"type\":\"interaction\",\"channel\":\"email\","
                + "\"occurredAt\":true,\"customer\":\"ann\"}").getBytes(StandardCharsets.UTF_8), Stage.DESERIALIZE);
    }

    @Test
    void nulBytesAreDeadLettered() throws Exception {
        poisonThenGood("nul", "{\"eventId\":\"p-3\u0000\u0000\",\"source\":\"s\u0000\"}".getBytes(StandardCharsets.UTF_8),
                Stage.DESERIALIZE);
    }

    @Test
    void anEventDatedYearMinus300MillionIsDeadLettered() throws Exception {
        ContactEvent ancient = interaction("p-4", Channel.EMAIL, Instant.parse("-300000000-01-01T00:00:00Z"),
                new CustomerIds(null, "ancient@example.com", null, null, null));
        poisonThenGood("ancient", json(ancient), Stage.DESERIALIZE);
    }

    @Test
    void aTwoMegabyteIdentifierIsDeadLetteredInsteadOfKillingTheStreamThread() throws Exception {
        ContactEvent huge = interaction("p-5", Channel.EMAIL, at(1),
                new CustomerIds("crm-" + "9".repeat(2 * 1024 * 1024), "huge@example.com", null, null, null));
        poisonThenGood("huge", json(huge), Stage.PRODUCE);
    }

    @Test
    void unreadableRecordsOnTheIdentityLoopAreDeadLettered() throws Exception {
        RecordMetadata broken = raw.send(LOOP, "email:loop@example.com", "{\"kind\": ".getBytes(StandardCharsets.UTF_8));
        RecordMetadata nul = raw.send(LOOP, "email:loop@example.com", new byte[] {0, 0, 0, 0});
        assertDeadLetter(broken, "{\"kind\": ".getBytes(StandardCharsets.UTF_8), Stage.DESERIALIZE);
        assertDeadLetter(nul, new byte[] {0, 0, 0, 0}, Stage.DESERIALIZE);
        resolvesAGoodEvent("loop");
    }

    @Test
    void deadLettersAreCountedAndLagAndFreshnessAreExported() throws Exception {
        poisonThenGood("counted", "not json".getBytes(StandardCharsets.UTF_8), Stage.DESERIALIZE);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("omnipulse_dead_letters_total\\{[^}]*service=\"profile-service\"[^}]*stage=\"deserialize\""
                        + "[^}]*topic=\"cx.contact-events.v1\"[^}]*} [1-9]")
                .containsPattern("omnipulse_streams_event_freshness_seconds\\{[^}]*topic=\"cx.contact-events.v1\"")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    /** A poison record and then a good event on the same partition (same key): both handled. */
    private void poisonThenGood(String name, byte[] poison, Stage expectedStage) throws Exception {
        CustomerIds good = new CustomerIds(null, "good-" + name + "@example.com", null, null, null);
        String key = CustomerKeys.customerId(good);
        RecordMetadata written = raw.send(INPUT, key, poison);
        raw.send(INPUT, key, json(interaction("good-" + name, Channel.EMAIL, at(2), good)));

        assertDeadLetter(written, poison, expectedStage);
        resolvesAGoodEvent(name);
    }

    private static void assertDeadLetter(RecordMetadata written, byte[] value, Stage expectedStage) {
        ConsumerRecord<byte[], byte[]> deadLetter = raw.awaitDeadLetter(written);
        // Compared whole but not printed whole: some are megabytes.
        assertThat(Arrays.equals(deadLetter.value(), value))
                .as("dead letter of %d bytes holds the original %d bytes", length(deadLetter.value()), value.length)
                .isTrue();
        Origin origin = Origin.from(deadLetter.headers()).orElseThrow();
        assertThat(origin.service()).isEqualTo("profile-service");
        assertThat(origin.stage()).isEqualTo(expectedStage);
        assertThat(origin.errorClass()).isNotBlank();
    }

    private static void resolvesAGoodEvent(String name) throws Exception {
        if (name.equals("loop")) {
            CustomerIds good = new CustomerIds(null, "good-loop@example.com", null, null, null);
            raw.send(INPUT, CustomerKeys.customerId(good), json(interaction("good-loop", Channel.EMAIL, at(2), good)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().queryParam("email", "good-" + name + "@example.com").when().get("/v1/customers")
                        .then().statusCode(200).body("interactionCount", equalTo(1)));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Kafka Streams is processing"));
    }

    private static int length(byte[] bytes) {
        return bytes == null ? -1 : bytes.length;
    }

    private static byte[] json(ContactEvent event) {
        return Topics.CONTACT_EVENTS.valueSerde().serializer().serialize(INPUT, event);
    }
}

package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.alertsOf;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static io.omnipulse.devstack.testkit.TestTokens.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.DeadLetters;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topics;
import io.omnipulse.events.serde.EventJson;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records that no producer of ours writes, put straight onto each of the four inputs as raw bytes:
 * each ends on the dead-letter topic with its original bytes and the origin headers, and the good
 * record sent after them on the same partition is still handled.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PoisonRecordFlowTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String FAR_PAST = "-300000000-01-01T00:00:00Z";
    private static final String TWO_MB = "x".repeat(2 * 1024 * 1024);
    private static final ObjectMapper JSON = EventJson.mapper();

    private static RawTopics raw;
    private static ResolvedEventProducer events;

    /** One hostile record: what it is, and its bytes. */
    record Poison(String kind, byte[] value, String stage) {
    }

    @BeforeAll
    static void connect() throws Exception {
        RawTopics.allowLargeRecords(List.of(Topics.RESOLVED_EVENTS.name(), Topics.CUSTOMER_MERGES.name(),
                Topics.SCORE_UPDATES.name(), Topics.EFFORT_INDEX.name(), Topics.DEAD_LETTERS.name()));
        raw = new RawTopics();
        events = new ResolvedEventProducer();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
        events.close();
    }

    @Test
    void poisonedResolvedEventsAreDeadLetteredAndTheNextDetractorStillOpensItsAlert() throws Exception {
        String email = uniqueEmail();
        String key = customerId(email);
        ContactEvent good = ResolvedEventProducer.nps(uniqueId(), email, 2, "nobody called back", T0);
        List<Poison> poisons = common(event(good, n -> n.put("eventId", uniqueId())), "occurredAt");
        poisons.add(new Poison("2 MB team", bytes(event(good, n -> n.put("team", TWO_MB).put("eventId", uniqueId()))), "process"));
        poisons.add(new Poison("2 MB identifier", bytes(event(good, n -> {
            ((ObjectNode) n.get("customer")).put("crmId", TWO_MB);
            n.put("eventId", uniqueId());
        })), "process"));
        poisons.add(new Poison("NUL in team", bytes(event(good, n -> n.put("team", "bil\u0000ling").put("eventId", uniqueId()))), "process"));
        // Passes the input checks but not PostgreSQL: above the btree row limit of the team index.
        // The database's own refusal is permanent too: dead-lettered, not retried.
        poisons.add(new Poison("9,000-char team", bytes(event(good, n -> n.put("team", incompressible(9000))
                .put("eventId", uniqueId()))), "process"));
        poisons.add(new Poison("NPS answer of 42", bytes(event(good, n -> {
            ((ObjectNode) n.get("feedback")).put("score", 42);
            n.put("eventId", uniqueId());
        })), "process"));

        List<RecordMetadata> sent = sendAll(Topics.RESOLVED_EVENTS.name(), key, poisons);
        events.send(good);

        assertThat(awaitAlertWithTriggers(key, 1).getList("triggers.eventId")).containsExactly(good.eventId());
        assertDeadLettered(Topics.RESOLVED_EVENTS.name(), key, poisons, sent);
    }

    @Test
    void poisonedMergesAreDeadLetteredAndTheNextMergeStillMovesTheAlert() throws Exception {
        String merged = customerId(uniqueEmail());
        String survivor = customerId(uniqueEmail());
        events.send(merged, ResolvedEventProducer.nps(uniqueId(), uniqueEmail(), 3, "slow", T0));
        int alertId = awaitAlertWithTriggers(merged, 1).getInt("id");
        CustomersMerged good = CustomerMergeProducer.merge(merged, survivor);
        ObjectNode template = (ObjectNode) JSON.valueToTree(good);
        List<Poison> poisons = common(template, "occurredAt");
        poisons.add(new Poison("2 MB identifier", bytes(template.deepCopy().put("survivorId", TWO_MB)), "process"));
        poisons.add(new Poison("NUL in linking source", bytes(template.deepCopy().put("linkingSource", "chat\u0000")), "process"));
        poisons.add(new Poison("blank survivor", bytes(template.deepCopy().put("survivorId", " ")), "process"));

        List<RecordMetadata> sent = sendAll(Topics.CUSTOMER_MERGES.name(), merged, poisons);
        try (CustomerMergeProducer merges = new CustomerMergeProducer()) {
            merges.send(good);
        }

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> alertsOf(survivor), List.of(alertId)::equals);
        assertDeadLettered(Topics.CUSTOMER_MERGES.name(), merged, poisons, sent);
    }

    @Test
    void poisonedScoreUpdatesAreDeadLetteredAndTheNextOneStillRaisesTheTeamAlert() throws Exception {
        String team = "team-" + uniqueId();
        String key = "team:" + team + ":7d";
        ScoreUpdated good = score(team, "7d", 40, 12.0);
        ObjectNode template = (ObjectNode) JSON.valueToTree(good);
        List<Poison> poisons = common(template, "updatedAt");
        poisons.add(new Poison("2 MB key field", bytes(template.deepCopy().put("key", TWO_MB)), "process"));
        poisons.add(new Poison("NUL in key field", bytes(template.deepCopy().put("key", team + "\u0000")), "process"));
        ObjectNode negative = template.deepCopy();
        ((ObjectNode) negative.get("nps")).put("detractors", -5);
        poisons.add(new Poison("negative count", bytes(negative), "process"));

        raw.send(Topics.SCORE_UPDATES.name(), ("team:" + team + ":30d").getBytes(UTF_8), bytes(JSON.valueToTree(score(team, "30d", 200, 30.0))));
        List<RecordMetadata> sent = sendAll(Topics.SCORE_UPDATES.name(), key, poisons);
        raw.send(Topics.SCORE_UPDATES.name(), key.getBytes(UTF_8), bytes(JSON.valueToTree(good)));

        assertThat(awaitAlertWithTriggers(team, 1).getString("cause")).isEqualTo("NPS_DROP");
        assertDeadLettered(Topics.SCORE_UPDATES.name(), key, poisons, sent);
    }

    @Test
    void poisonedEffortIndexesAreDeadLetteredTombstonesPassedOverAndTheNextHighIndexStillOpensItsAlert() throws Exception {
        String customer = "cus-" + uniqueId();
        EffortIndexUpdated good = new EffortIndexUpdated(customer, 85, List.of("3 contacts in 48 h"), T0);
        ObjectNode template = (ObjectNode) JSON.valueToTree(good);
        List<Poison> poisons = common(template, "updatedAt");
        poisons.add(new Poison("2 MB identifier", bytes(template.deepCopy().put("customerId", TWO_MB)), "process"));
        ObjectNode nul = template.deepCopy();
        nul.putArray("drivers").add("wait\u0000");
        poisons.add(new Poison("NUL in a driver", bytes(nul), "process"));
        poisons.add(new Poison("index of 500", bytes(template.deepCopy().put("index", 500)), "process"));

        List<RecordMetadata> sent = sendAll(Topics.EFFORT_INDEX.name(), customer, poisons);
        // A tombstone (scoring forgetting an erased customer) is no poison: passed over, not dead-lettered
        // (the count of dead letters below would be one too many).
        raw.send(Topics.EFFORT_INDEX.name(), customer.getBytes(UTF_8), null);
        raw.send(Topics.EFFORT_INDEX.name(), customer.getBytes(UTF_8), bytes(template));

        assertThat(awaitAlertWithTriggers(customer, 1).getString("cause")).isEqualTo("BEHAVIOURAL_EFFORT");
        assertDeadLettered(Topics.EFFORT_INDEX.name(), customer, poisons, sent);
    }

    @Test
    void consumerLagAndEventTimeFreshnessAreExportedPerTopic() {
        String email = uniqueEmail();
        Instant before = Instant.now();
        // Record timestamp T0, as a Streams application gives its output the event time.
        raw.send(Topics.RESOLVED_EVENTS.name(), customerId(email).getBytes(UTF_8),
                Topics.RESOLVED_EVENTS.valueSerde().serializer().serialize(Topics.RESOLVED_EVENTS.name(),
                        ResolvedEventProducer.nps(uniqueId(), email, 2, "late", T0)), T0.toEpochMilli());
        awaitAlertWithTriggers(customerId(email), 1);

        String metrics = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/metrics").then().statusCode(200).extract().asString(),
                        m -> m.contains("kafka_consumer_fetch_manager_records_lag"));
        // One consumer per channel, so the client id names the input (per-partition records_lag
        // meters follow once Micrometer's periodic scan of the client metrics picked them up).
        assertThat(metrics.lines().filter(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{")
                && l.contains("client_id=\"kafka-consumer-resolved-events\""))).isNotEmpty();
        // The last record handled from the topic is this one: freshness is at least its age.
        double freshness = metrics.lines()
                .filter(l -> l.startsWith("omnipulse_alerting_input_freshness_seconds{")
                        && l.contains("topic=\"cx.resolved-events.v1\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(-1);
        assertThat(freshness).isGreaterThanOrEqualTo(Duration.between(T0, before).toSeconds());
    }

    /** Broken JSON, wrong types, and the good record dated in year -300000000. */
    private static List<Poison> common(ObjectNode good, String timeField) {
        List<Poison> poisons = new ArrayList<>();
        poisons.add(new Poison("broken JSON", "{not json".getBytes(UTF_8), "deserialize"));
        poisons.add(new Poison("wrong types", "[1, 2, 3]".getBytes(UTF_8), "deserialize"));
        ObjectNode objectForText = good.deepCopy();
        objectForText.putObject(good.fieldNames().next()).put("nested", true);
        poisons.add(new Poison("an object where text belongs", bytes(objectForText), "deserialize"));
        // Either step may refuse it (Jackson or the range check): it must not reach the database.
        poisons.add(new Poison("year -300000000", bytes(good.deepCopy().put(timeField, FAR_PAST)), null));
        return poisons;
    }

    private static List<RecordMetadata> sendAll(String topic, String key, List<Poison> poisons) {
        return poisons.stream().map(p -> raw.send(topic, key.getBytes(UTF_8), p.value())).toList();
    }

    private static void assertDeadLettered(String topic, String key, List<Poison> poisons, List<RecordMetadata> sent) {
        for (int i = 0; i < poisons.size(); i++) {
            Poison poison = poisons.get(i);
            RecordMetadata at = sent.get(i);
            ConsumerRecord<byte[], byte[]> letter = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                    .until(() -> raw.deadLetterOf(topic, at.partition(), at.offset()).orElse(null), r -> r != null);
            DeadLetters.Origin origin = DeadLetters.Origin.from(letter.headers()).orElseThrow();
            assertThat(origin.service()).as(poison.kind()).isEqualTo("alerting-service");
            assertThat(origin.sourceTopic()).isEqualTo(topic);
            assertThat(origin.errorClass()).as(poison.kind()).isNotBlank();
            if (poison.stage() != null) {
                assertThat(origin.stage().name().toLowerCase()).as(poison.kind()).isEqualTo(poison.stage());
            }
            assertThat(letter.key()).as(poison.kind()).isEqualTo(key.getBytes(UTF_8));
            assertThat(letter.value()).as(poison.kind()).isEqualTo(poison.value());
        }
        assertThat(raw.deadLettersFrom(topic).stream().filter(r -> java.util.Arrays.equals(r.key(), key.getBytes(UTF_8))))
                .as("one dead letter per poison record, no more").hasSize(poisons.size());
        assertThat(metric("omnipulse_dead_letters_total", "topic=\"" + topic + "\"")).isGreaterThanOrEqualTo(poisons.size());
    }

    private static ObjectNode event(ContactEvent event, Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) JSON.valueToTree(event);
        change.accept(node);
        return node;
    }

    /** Text that compression cannot shrink below PostgreSQL's index row limit (fixed seed). */
    private static String incompressible(int length) {
        java.util.Random random = new java.util.Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(94)));
        }
        return text.toString();
    }

    private static ScoreUpdated score(String team, String window, long n, double nps) {
        return new ScoreUpdated("team", team, window, new ScoreUpdated.Nps(0, 0, 0, n, nps, null), null, null, T0);
    }

    private static byte[] bytes(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double metric(String name, String label) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}

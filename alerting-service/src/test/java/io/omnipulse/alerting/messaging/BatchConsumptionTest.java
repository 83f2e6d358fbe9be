package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.alertsOf;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.DeadLetters;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch path of the channels (batch=true, one transaction per polled batch), driven with
 * batches of exactly known content: the test hands a ConsumerRecords to the channel method the way
 * SmallRye does after a poll, on offsets far beyond anything the broker holds, so the dead letters
 * it causes are told apart by their origin offset. The call returns once the batch is handled, so
 * what it stored can be read right after it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BatchConsumptionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static RawTopics raw;

    @Inject
    ResolvedEventConsumer events;

    @Inject
    SignalConsumers signals;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void connect() {
        raw = new RawTopics();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
    }

    @Test
    void aPoisonRecordInABatchIsDeadLetteredAloneAndTheRestOfTheBatchIsStored() {
        String routed = uniqueEmail();
        String poisoned = uniqueEmail();
        String twice = uniqueEmail();
        String conversation = "conv-" + uniqueId();
        ContactEvent contact = ResolvedEventProducer.interaction(uniqueId(), routed, conversation, "retention", 2,
                40, T0);
        ContactEvent rating = ResolvedEventProducer.npsRating(uniqueId(), routed, 2, "slow", conversation,
                T0.plusSeconds(60));
        ContactEvent good = ResolvedEventProducer.nps(uniqueId(), poisoned, 2, "fine record", T0);
        // Passes the input checks but not PostgreSQL (above the btree row limit of the team index):
        // it fails the whole batch's transaction, for good.
        ContactEvent poison = new ContactEvent(good.eventId(), good.source(), good.type(), good.channel(),
                good.occurredAt(), good.customer(), good.conversationId(), good.agentId(), incompressible(9000),
                good.interaction(), good.feedback(), good.ingestedAt());
        ContactEvent first = ResolvedEventProducer.nps(uniqueId(), twice, 5, "meh", T0);
        ContactEvent second = ResolvedEventProducer.nps(uniqueId(), twice, 2, "worse", T0.plusSeconds(5));
        long base = farOffset();

        events.consume(resolvedBatch(base, contact, rating, poison, first, second));

        assertThat(awaitAlertWithTriggers(customerId(routed), 1).getString("team")).isEqualTo("retention");
        assertThat(awaitAlertWithTriggers(customerId(twice), 2).getList("triggers.eventId"))
                .containsExactlyInAnyOrder(first.eventId(), second.eventId());
        assertThat(alertsOf(customerId(poisoned))).isEmpty();
        assertThat(deadLetteredOffsets(Topics.RESOLVED_EVENTS.name(), base, 5)).containsExactly(base + 2);
    }

    @Test
    void aReplayedBatchOfEventsChangesNothing() {
        String routed = uniqueEmail();
        String twice = uniqueEmail();
        String passive = uniqueEmail();
        String conversation = "conv-" + uniqueId();
        List<ContactEvent> batch = List.of(
                ResolvedEventProducer.interaction(uniqueId(), routed, conversation, "retention", 1, 20, T0),
                ResolvedEventProducer.npsRating(uniqueId(), routed, 1, "slow", conversation, T0.plusSeconds(60)),
                ResolvedEventProducer.nps(uniqueId(), twice, 6, "meh", T0),
                ResolvedEventProducer.nps(uniqueId(), passive, 8, null, T0),
                ResolvedEventProducer.nps(uniqueId(), twice, 3, "worse", T0.plusSeconds(5)));
        List<String> customers = List.of(customerId(routed), customerId(twice), customerId(passive));
        long base = farOffset();
        events.consume(resolvedBatch(base, batch.toArray(ContactEvent[]::new)));
        List<List<Object>> stored = snapshot(customers);
        assertThat(stored).hasSize(2);
        double duplicates = count("omnipulse.alerting.events.duplicate");

        events.consume(resolvedBatch(base, batch.toArray(ContactEvent[]::new)));

        assertThat(snapshot(customers)).isEqualTo(stored);
        assertThat(count("omnipulse.alerting.events.duplicate") - duplicates).isEqualTo(3.0);
        assertThat(deadLetteredOffsets(Topics.RESOLVED_EVENTS.name(), base, batch.size())).isEmpty();
    }

    @Test
    void twoAnswersOfOneCustomerInABatchOpenOneAlertAndARepeatInTheSameBatchIsADuplicate() {
        String twice = uniqueEmail();
        ContactEvent first = ResolvedEventProducer.nps(uniqueId(), twice, 5, "meh", T0);
        ContactEvent second = ResolvedEventProducer.nps(uniqueId(), twice, 2, "worse", T0.plusSeconds(5));
        double duplicates = count("omnipulse.alerting.events.duplicate");
        long base = farOffset();

        // The repeat of the first answer comes before the batch's rows were flushed: only the batch
        // itself knows that its trigger is taken.
        events.consume(resolvedBatch(base, first, second, first));

        List<List<Object>> stored = snapshot(List.of(customerId(twice)));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get(3)).isEqualTo(2L); // trigger_count
        assertThat(stored.get(0).get(5)).isEqualTo(2L); // trigger rows
        assertThat(stored.get(0).get(6)).isEqualTo(2L); // OPENED, TRIGGERED
        assertThat(count("omnipulse.alerting.events.duplicate") - duplicates).isEqualTo(1.0);
        assertThat(raisedEvents(customerId(twice))).isEqualTo(1L);
        assertThat(deadLetteredOffsets(Topics.RESOLVED_EVENTS.name(), base, 3)).isEmpty();
    }

    @Test
    void answersInALaterBatchFeedTheAlertAnEarlierBatchOpened() {
        String customer = uniqueEmail();
        ContactEvent opening = ResolvedEventProducer.nps(uniqueId(), customer, 6, "meh", T0);
        events.consume(resolvedBatch(farOffset(), opening));
        List<List<Object>> before = snapshot(List.of(customerId(customer)));
        assertThat(before).hasSize(1);

        ContactEvent second = ResolvedEventProducer.nps(uniqueId(), customer, 4, "worse", T0.plusSeconds(5));
        ContactEvent third = ResolvedEventProducer.nps(uniqueId(), customer, 1, "worst", T0.plusSeconds(9));
        events.consume(resolvedBatch(farOffset(), second, third));

        List<List<Object>> after = snapshot(List.of(customerId(customer)));
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get(0)).isEqualTo(before.get(0).get(0)); // the same alert
        assertThat(after.get(0).get(3)).isEqualTo(3L);
        assertThat(after.get(0).get(5)).isEqualTo(3L);
        assertThat(after.get(0).get(6)).isEqualTo(3L);
        assertThat(before.get(0).get(2)).isEqualTo("HIGH");
        assertThat(after.get(0).get(2)).isEqualTo("CRITICAL"); // raised by the batch's last answer
        assertThat(raisedEvents(customerId(customer))).isEqualTo(1L);
    }

    /** Outbox rows of alert-raised events for this subject's alerts. */
    private long raisedEvents(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from alert_outbox o join alert a on a.id = o.alert_id
                 where a.customer_id = ?1 and o.event_type = 'raised'
                """).setParameter(1, subject).getSingleResult()).longValue());
    }

    @Test
    void aReplayedBatchOfScoreUpdatesChangesNothing() {
        String team = "team-" + uniqueId();
        List<ScoreUpdated> batch = List.of(score(team, "30d", 40.0, T0), score(team, "7d", 15.0, T0.plusSeconds(1)),
                score(team, "7d", 10.0, T0.plusSeconds(2)));
        long base = farOffset();
        signals.scores(scoreBatch(base, batch));
        List<List<Object>> stored = snapshot(List.of(team));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get(5)).isEqualTo(2L); // both drops, the second attached to the first's alert

        signals.scores(scoreBatch(base, batch));

        assertThat(snapshot(List.of(team))).isEqualTo(stored);
        assertThat(deadLetteredOffsets(Topics.SCORE_UPDATES.name(), base, batch.size())).isEmpty();
    }

    private static ScoreUpdated score(String team, String window, double nps, Instant at) {
        return new ScoreUpdated("team", team, window, new ScoreUpdated.Nps(0, 0, 0, 200, nps, null), null, null, at);
    }

    /**
     * Each alert of these subjects, as far as the consumers write it: id, status, severity, trigger
     * count, team, trigger rows, audit rows, last trigger time, reason. Not the version: the context
     * enricher updates a new alert in the background.
     */
    private List<List<Object>> snapshot(List<String> subjects) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("""
                    select a.id, a.status, a.severity, a.trigger_count, a.team,
                           (select count(*) from alert_trigger t where t.alert_id = a.id),
                           (select count(*) from alert_audit u where u.alert_id = a.id),
                           a.last_triggered_at, a.reason
                      from alert a where a.customer_id in (?1) order by a.id
                    """).setParameter(1, subjects).getResultList();
            List<List<Object>> out = new ArrayList<>();
            for (Object row : rows) {
                List<Object> values = new ArrayList<>();
                for (Object value : (Object[]) row) {
                    values.add(value instanceof Number n && !(value instanceof Long) ? n.longValue() : value);
                }
                out.add(values);
            }
            return out;
        });
    }

    private double count(String name) {
        Counter counter = registry.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The source offsets in [base, base + n) of the dead letters from this topic. */
    private static List<Long> deadLetteredOffsets(String topic, long base, int n) {
        return raw.deadLettersFrom(topic).stream()
                .map(r -> DeadLetters.Origin.from(r.headers()))
                .flatMap(Optional::stream)
                .map(DeadLetters.Origin::sourceOffset)
                .filter(offset -> offset >= base && offset < base + n)
                .toList();
    }

    private static ConsumerRecords<byte[], byte[]> resolvedBatch(long base, ContactEvent... batch) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (ContactEvent event : batch) {
            byte[] value = Topics.RESOLVED_EVENTS.valueSerde().serializer().serialize(Topics.RESOLVED_EVENTS.name(),
                    event);
            records.add(record(Topics.RESOLVED_EVENTS.name(), base + records.size(),
                    TestAlerts.customerId(event.customer().email()), value));
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.RESOLVED_EVENTS.name(), 0), records),
                Map.of());
    }

    @Test
    void scoreUpdatesNoRuleComparesArePassedOverByTheirKeyWithoutReadingThem() {
        String team = "team-" + uniqueId();
        long base = farOffset();
        byte[] good = Topics.SCORE_UPDATES.valueSerde().serializer().serialize(Topics.SCORE_UPDATES.name(),
                score(team, "30d", 40.0, T0));
        byte[] unreadable = "{not json".getBytes(UTF_8);
        List<ConsumerRecord<byte[], byte[]>> records = List.of(
                record(Topics.SCORE_UPDATES.name(), base, "customer:cus-" + team + ":7d", unreadable),
                record(Topics.SCORE_UPDATES.name(), base + 1, "team:" + team + ":90d", unreadable),
                record(Topics.SCORE_UPDATES.name(), base + 2, "team:" + team + ":30d", good),
                record(Topics.SCORE_UPDATES.name(), base + 3, "channel:" + team + ":7d", unreadable));
        double passedOverBefore = passedOverScores();

        signals.scores(new ConsumerRecords<>(Map.of(new TopicPartition(Topics.SCORE_UPDATES.name(), 0), records),
                Map.of()));

        // Customer scope and the 90d window are passed over; a team's 30d is read; a channel's 7d is
        // read too, and its bad value dead-lettered.
        assertThat(passedOverScores() - passedOverBefore).isEqualTo(2.0);
        assertThat(deadLetteredOffsets(Topics.SCORE_UPDATES.name(), base, records.size())).containsExactly(base + 3);
        assertThat(snapshot(List.of(team))).isEmpty(); // a 30d window alone raises nothing
    }

    private double passedOverScores() {
        var counter = registry.find("omnipulse.alerting.signals")
                .tags("input", SignalConsumers.SCORES, "outcome", SignalConsumers.PASSED_OVER).counter();
        return counter == null ? 0 : counter.count();
    }

    private static ConsumerRecords<byte[], byte[]> scoreBatch(long base, List<ScoreUpdated> batch) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (ScoreUpdated update : batch) {
            byte[] value = Topics.SCORE_UPDATES.valueSerde().serializer().serialize(Topics.SCORE_UPDATES.name(),
                    update);
            records.add(record(Topics.SCORE_UPDATES.name(), base + records.size(), update.key(), value));
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.SCORE_UPDATES.name(), 0), records), Map.of());
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, long offset, String key, byte[] value) {
        byte[] keyBytes = key.getBytes(UTF_8);
        return new ConsumerRecord<>(topic, 0, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                keyBytes.length, value.length, keyBytes, value, new RecordHeaders(), Optional.empty());
    }

    /** Offsets no test record on the broker reaches, different per test. */
    private static long farOffset() {
        return 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 10;
    }

    private static String incompressible(int length) {
        java.util.Random random = new java.util.Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(94)));
        }
        return text.toString();
    }
}

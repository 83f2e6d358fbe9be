package io.omnipulse.alerting.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: a throughput harness for a detractor storm in a realistic mix, skipped unless
 * {@code -Dbenchmark=true}. For each of N customers it writes two interactions (one conversation,
 * its team), one NPS detractor answer rating that conversation, one passive answer of another
 * customer, and four score updates (customer 7d/30d, which alerting ignores, and team 7d/30d with
 * equal scores, which it stores but which raise nothing): 8 records per detractor, on
 * cx.resolved-events.v1 and cx.score-updates.v1. It waits until every record was consumed (the
 * consumers' outcome counters, read in this JVM) and all N alerts are stored, and prints records
 * consumed per second (from the first record offered to the last one handled) and alerts stored per
 * second (first to last {@code created_at}). A warm-up round runs first. Run:
 * {@code ./mvnw -B -o -q -pl alerting-service test -Dtest=MixedLoadBenchmark -Dbenchmark=true -Dbenchmark.count=2000 -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MixedLoadBenchmark {

    private static final int RECORDS_PER_DETRACTOR = 8;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Test
    void aDetractorStormInAMixIsConsumedAtThisRate() {
        int count = Integer.getInteger("benchmark.count", 2000);
        run(Math.min(200, count), "warm-up");
        run(count, "measured");
    }

    private void run(int count, String label) {
        String team = "bench-" + UUID.randomUUID();
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        double handledBefore = handled();
        long[] dbBefore = database();
        int total = count * RECORDS_PER_DETRACTOR;
        long start = System.nanoTime();
        Instant t0 = Instant.now().minusSeconds(3600);
        try (KafkaProducer<String, ContactEvent> events = new KafkaProducer<>(config(bootstrap),
                Topics.RESOLVED_EVENTS.keySerde().serializer(), Topics.RESOLVED_EVENTS.valueSerde().serializer());
                KafkaProducer<String, ScoreUpdated> scores = new KafkaProducer<>(config(bootstrap),
                        Topics.SCORE_UPDATES.keySerde().serializer(), Topics.SCORE_UPDATES.valueSerde().serializer())) {
            for (int i = 0; i < count; i++) {
                String customer = team + "-" + i;
                CustomerIds ids = new CustomerIds(null, customer + "@example.com", null, null, null);
                String key = CustomerKeys.customerId(ids);
                String conversation = "conv-" + customer;
                for (int c = 0; c < 2; c++) {
                    send(events, key, new ContactEvent(customer + "-i" + c, "telephony", EventType.INTERACTION,
                            Channel.CALL, t0.plusSeconds(i + c), ids, conversation, "agent-" + (i % 50), team,
                            new InteractionDetails(Direction.INBOUND, InteractionStatus.RESOLVED, 30 + c, 300, c,
                                    "invoice", null),
                            null, Instant.now()));
                }
                send(events, key, new ContactEvent(customer + "-d", "survey-tool", EventType.FEEDBACK, Channel.EMAIL,
                        t0.plusSeconds(i + 5), ids, "survey-" + customer, null, team, null,
                        new FeedbackDetails(Metric.NPS, 2, null, "benchmark detractor", conversation), Instant.now()));
                CustomerIds passive = new CustomerIds(null, customer + "-p@example.com", null, null, null);
                send(events, CustomerKeys.customerId(passive), new ContactEvent(customer + "-p", "survey-tool",
                        EventType.FEEDBACK, Channel.EMAIL, t0.plusSeconds(i + 6), passive, "survey-p-" + customer,
                        null, team, null, new FeedbackDetails(Metric.NPS, 8, null, null, null), Instant.now()));
                Instant at = t0.plusSeconds(i + 7);
                for (String window : new String[] {"7d", "30d"}) {
                    scores.send(new ProducerRecord<>(Topics.SCORE_UPDATES.name(), key,
                            score("customer", key, window, at)));
                    scores.send(new ProducerRecord<>(Topics.SCORE_UPDATES.name(), team,
                            score("team", team, window, at)));
                }
            }
            events.flush();
            scores.flush();
        }
        double offerSeconds = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> handled() - handledBefore >= total);
        double consumeSeconds = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> StoredAlerts.of(em, team).count() >= count);
        StoredAlerts row = StoredAlerts.of(em, team);
        long[] dbAfter = database();
        double alertSeconds = Duration.between(row.first(), row.last()).toMillis() / 1000.0;
        System.out.printf("BENCHMARK %s: %d records (%d detractors) offered in %.1f s, consumed in %.1f s: "
                + "%.0f records/s; %d alerts stored in %.1f s: %.0f alerts/s (%.0f alerts/s over the whole run)%n",
                label, total, count, offerSeconds, consumeSeconds, total / consumeSeconds, count, alertSeconds,
                (count - 1) / Math.max(alertSeconds, 1e-3), count / consumeSeconds);
        System.out.printf("BENCHMARK %s: PostgreSQL per 1,000 records: %.0f transactions committed, %.0f rows "
                + "inserted, %.0f rows updated (pg_stat_database, whole database)%n", label,
                (dbAfter[0] - dbBefore[0]) * 1000.0 / total, (dbAfter[1] - dbBefore[1]) * 1000.0 / total,
                (dbAfter[2] - dbBefore[2]) * 1000.0 / total);
        assertThat(row.count()).isEqualTo(count);
    }

    /**
     * Transactions committed, rows inserted and rows updated in this database so far, as the
     * backends reported them (each call is a new transaction, so it sees fresh statistics).
     */
    private long[] database() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery(
                    "select xact_commit, tup_inserted, tup_updated from pg_stat_database where datname = current_database()")
                    .getSingleResult();
            return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue()};
        });
    }

    private static Map<String, Object> config(String bootstrap) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5);
    }

    private static void send(KafkaProducer<String, ContactEvent> producer, String key, ContactEvent event) {
        producer.send(new ProducerRecord<>(Topics.RESOLVED_EVENTS.name(), key, event));
    }

    private static ScoreUpdated score(String scope, String key, String window, Instant at) {
        return new ScoreUpdated(scope, key, window, new ScoreUpdated.Nps(0, 0, 0, 100, 10.0, null), null, null, at);
    }

    /** Records the two channels have handled so far (every outcome counts once per record). */
    private double handled() {
        double sum = 0;
        for (String name : new String[] {"omnipulse.alerting.alerts.opened", "omnipulse.alerting.triggers.attached",
                "omnipulse.alerting.events.duplicate", "omnipulse.alerting.events.ignored"}) {
            Counter c = registry.find(name).counter();
            sum += c == null ? 0 : c.count();
        }
        for (Counter c : registry.find("omnipulse.alerting.signals").tag("input", "score-updates").counters()) {
            sum += c.count();
        }
        return sum;
    }
}

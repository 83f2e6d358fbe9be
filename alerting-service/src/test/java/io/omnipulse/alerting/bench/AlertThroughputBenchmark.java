package io.omnipulse.alerting.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.alerting.testing.ContextServersResource;
import io.omnipulse.alerting.testing.NotificationReceiversResource;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Topics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: a throughput harness, skipped unless {@code -Dbenchmark=true}. It offers N detractor
 * answers (one new customer each) to the real broker as fast as it can, waits until all N alerts
 * are stored in the real PostgreSQL, and prints alerts per second between the first and the last
 * stored alert (wall clock {@code created_at}). Webhooks, mail and context requests are answered
 * ({@link StormReceivers}), so each alert costs what it costs in production. Run:
 * {@code ./mvnw -B -o -q -pl alerting-service test -Dtest=AlertThroughputBenchmark -Dbenchmark=true -Dbenchmark.count=8000}
 * (a warm-up round of {@code benchmark.warmup}, 20,000, then {@code benchmark.rounds}, 3, measured rounds and their median)
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(value = NotificationReceiversResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ContextServersResource.class, scope = TestResourceScope.GLOBAL)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class AlertThroughputBenchmark {

    @Inject
    EntityManager em;

    @Test
    void detractorsBecomeAlertsAtThisRate() throws IOException {
        try (StormReceivers receivers = new StormReceivers()) {
            measure();
            // What the storm left for the background workers, and how long they take to catch up.
            System.out.printf("BENCHMARK at the last alert: notifications %s; context %s%n", notifications(), contexts());
            long start = System.nanoTime();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                    .until(() -> !notifications().contains("PENDING") && !contexts().contains("PENDING"));
            System.out.printf("BENCHMARK caught up %.1f s later: notifications %s; context %s%n",
                    (System.nanoTime() - start) / 1e9, notifications(), contexts());
        }
    }

    private void measure() {
        int count = Integer.getInteger("benchmark.count", 2000);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        // Warm-up round first (JIT, connection pool, consumer assignment): after a warm-up of 3,000
        // alerts each round was still faster than the one before (540 to 735 alerts/s), the JIT
        // compiling the hot path meanwhile.
        run(Integer.getInteger("benchmark.warmup", 20000), "warm-up");
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            rates.add(run(count, "round " + round));
        }
        Collections.sort(rates);
        System.out.printf("BENCHMARK median of %d rounds of %d: %.1f alerts/s (all: %s)%n", rounds, count,
                rates.get(rates.size() / 2), rates);
    }

    private String notifications() {
        return counts("select status, count(*) from notification_delivery group by status order by 1");
    }

    private String contexts() {
        return counts("select context_status, count(*) from alert group by context_status order by 1");
    }

    private String counts(String sql) {
        StringBuilder out = new StringBuilder();
        for (Object row : em.createNativeQuery(sql).getResultList()) {
            Object[] columns = (Object[]) row;
            out.append(out.isEmpty() ? "" : ", ").append(columns[0]).append(' ').append(columns[1]);
        }
        return out.toString();
    }

    private double run(int count, String label) {
        String team = "bench-" + UUID.randomUUID();
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        long offerStart = System.nanoTime();
        try (KafkaProducer<String, ContactEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 5),
                Topics.RESOLVED_EVENTS.keySerde().serializer(), Topics.RESOLVED_EVENTS.valueSerde().serializer())) {
            for (int i = 0; i < count; i++) {
                String email = team + "-" + i + "@example.com";
                ContactEvent detractor = new ContactEvent(team + "-" + i, "throughput-bench", EventType.FEEDBACK,
                        Channel.EMAIL, Instant.now(), new CustomerIds(null, email, null, null, null), null, null, team,
                        null, new FeedbackDetails(Metric.NPS, 2, null, "benchmark detractor", null), Instant.now());
                producer.send(new ProducerRecord<>(Topics.RESOLVED_EVENTS.name(),
                        CustomerKeys.customerId(detractor.customer()), detractor));
            }
            producer.flush();
        }
        double offerSeconds = (System.nanoTime() - offerStart) / 1e9;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> StoredAlerts.of(em, team).count() >= count);
        StoredAlerts row = StoredAlerts.of(em, team);
        Instant first = row.first();
        Instant last = row.last();
        double seconds = Duration.between(first, last).toMillis() / 1000.0;
        double perSecond = (count - 1) / Math.max(seconds, 1e-3);
        System.out.printf("BENCHMARK %s: %d detractors offered in %.1f s; %d alerts stored in %.1f s: %.1f alerts/s%n",
                label, count, offerSeconds, count, seconds, perSecond);
        assertThat(row.count()).isEqualTo(count);
        return perSecond;
    }
}

package io.omnipulse.alerting.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * Not a test: a throughput harness, skipped unless {@code -Dbenchmark=true}. It offers N detractor
 * answers (one new customer each) to the real broker as fast as it can, waits until all N alerts
 * are stored in the real PostgreSQL, and prints alerts per second between the first and the last
 * stored alert (wall clock {@code created_at}). Run:
 * {@code ./mvnw -B -o -q -pl alerting-service test -Dtest=AlertThroughputBenchmark -Dbenchmark=true -Dbenchmark.count=2000}
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class AlertThroughputBenchmark {

    @Inject
    EntityManager em;

    @Test
    void detractorsBecomeAlertsAtThisRate() {
        int count = Integer.getInteger("benchmark.count", 2000);
        // Warm-up round first (JIT, connection pool, consumer assignment), then the measured round.
        run(Math.min(200, count), "warm-up");
        run(count, "measured");
    }

    private void run(int count, String label) {
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
    }
}

package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.alerting.lifecycle.GracefulStop;
import io.omnipulse.alerting.testing.UnreliablePostgresResource;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.events.DeadLetters;
import io.omnipulse.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Shutdown while a record waits for PostgreSQL: the stop steps end the wait promptly, and the record
 * is neither dead-lettered nor committed, so the next instance reads it again. Its own profile, so
 * that the stopped application is not reused by another test class.
 */
@QuarkusTest
@TestProfile(ShutdownDrainTest.Isolated.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(UnreliablePostgresResource.class)
class ShutdownDrainTest {

    /** A profile of its own: Quarkus starts a fresh application for this class and discards it after. */
    public static class Isolated implements QuarkusTestProfile {
    }

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    Consumer<Boolean> postgresReachable;

    @Inject
    GracefulStop stop;

    @Inject
    ChannelRegistry channels;

    @AfterEach
    void restore() {
        postgresReachable.accept(true);
    }

    @Test
    void aRecordWaitingForTheDatabaseAtShutdownIsLeftForTheNextInstance() throws Exception {
        ResolvedEventProducer events = new ResolvedEventProducer();
        try (RawTopics raw = new RawTopics(); Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)))) {
            postgresReachable.accept(false);
            String email = uniqueEmail();
            RecordMetadata at = raw.send(Topics.RESOLVED_EVENTS.name(), customerId(email).getBytes(StandardCharsets.UTF_8),
                    Topics.RESOLVED_EVENTS.valueSerde().serializer().serialize(Topics.RESOLVED_EVENTS.name(),
                            ResolvedEventProducer.nps(uniqueId(), email, 1, "at shutdown", T0)));
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> "DOWN".equals(given()
                    .get("/q/health/ready").then().extract().jsonPath()
                    .getString("checks.find { it.name == 'alerting-consumers' }.status")));

            // The same steps as on SIGTERM: the retry loop ends at once instead of holding the drain.
            assertThat(stop.stopTakingWork()).as("records or jobs left running").isZero();
            for (String channel : List.of(ResolvedEventConsumer.CHANNEL, CustomerMergeConsumer.CHANNEL,
                    SignalConsumers.SCORES, SignalConsumers.EFFORT)) {
                assertThat(channels.getPausable(channel).isPaused()).as(channel + " paused").isTrue();
            }

            TopicPartition partition = new TopicPartition(at.topic(), at.partition());
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("omnipulse-alerting")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).get(partition);
            assertThat(committed == null ? 0 : committed.offset()).as("the record's offset is not committed")
                    .isLessThanOrEqualTo(at.offset());
            assertThat(raw.deadLettersUpToNow()).noneMatch(r -> DeadLetters.Origin.from(r.headers())
                    .filter(o -> o.sourceTopic().equals(at.topic()) && o.sourceOffset() == at.offset()
                            && o.sourcePartition() == at.partition()).isPresent());
        } finally {
            events.close();
        }
    }
}

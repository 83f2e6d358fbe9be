package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.AlertRaised;
import io.omnipulse.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay publishes each alert event as a CloudEvent (Kafka binding, binary mode) whose data
 * is the alert event's JSON: read here with the CloudEvents SDK's own deserializer, as another system would.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AlertCloudEventsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aRaisedAlertReadsAsACloudEventWithTheSdk() {
        String email = uniqueEmail();
        try (ResolvedEventProducer events = new ResolvedEventProducer();
                KafkaConsumer<String, CloudEvent> consumer = cloudEventConsumer()) {
            events.send(ResolvedEventProducer.nps(uniqueId(), email, 1, "worst ever", T0));
            long alertId = awaitAlertWithTriggers(customerId(email), 1).getLong("id");

            List<CloudEvent> seen = new CopyOnWriteArrayList<>();
            CloudEvent raised = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                return seen.stream().filter(e -> e != null && Long.toString(alertId).equals(e.getSubject()))
                        .findFirst().orElse(null);
            }, e -> e != null);

            AlertEvent data = Topics.ALERT_EVENTS.valueSerde().deserializer().deserialize("t", raised.getData().toBytes());
            assertThat(data).isInstanceOf(AlertRaised.class);
            assertThat(data.alertId()).isEqualTo(alertId);
            assertThat(raised.getType()).isEqualTo("io.omnipulse.alert.raised.v1");
            assertThat(raised.getSource()).isEqualTo(URI.create("/omnipulse/alerting-service"));
            assertThat(raised.getTime()).isEqualTo(data.at().atOffset(ZoneOffset.UTC));
            assertThat(raised.getDataContentType()).isEqualTo("application/json");
            assertThat(raised.getId()).matches("\\d+");
        }
    }

    /**
     * cx.alert-events.v1 from now on (other tests of the shared broker put records there that are no
     * CloudEvent on purpose), every record through the SDK's deserializer.
     */
    private static KafkaConsumer<String, CloudEvent> cloudEventConsumer() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringDeserializer(), new CloudEventDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERT_EVENTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // the lazy seek resolved before the test publishes
        return consumer;
    }
}

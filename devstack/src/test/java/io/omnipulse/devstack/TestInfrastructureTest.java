package io.omnipulse.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.devstack.testkit.JdbcTarget;
import io.omnipulse.devstack.testkit.TestInfrastructure;
import io.omnipulse.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void brokerHasEveryCatalogTopicWithItsPartitionsAndDeliversRecords() throws Exception {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(names).containsAll(Topics.ALL.stream().map(t -> t.name()).toList());
            int partitions = admin.describeTopics(List.of(Topics.CONTACT_EVENTS.name())).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(Topics.CONTACT_EVENTS.name()).partitions().size();
            assertThat(partitions).isEqualTo(Topics.CONTACT_EVENTS.partitions());
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERT_EVENTS.name(), "k", "hello")).get(10, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ALERT_EVENTS.name()));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            assertThat(values).containsExactly("hello");
        }
    }

    @Test
    void postgresAnswersQueriesInADatabaseOfItsOwn() throws Exception {
        TestInfrastructure.database("devstack_test");
        JdbcTarget db = TestInfrastructure.database("devstack_test");

        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("devstack_test");
            assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
        }
    }
}

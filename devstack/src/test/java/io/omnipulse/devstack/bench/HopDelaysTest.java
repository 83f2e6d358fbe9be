package io.omnipulse.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.devstack.testkit.TestInfrastructure;
import io.omnipulse.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class HopDelaysTest {

    private final String bootstrap = TestInfrastructure.kafkaBootstrapServers();

    @Test
    void anAnswerIsTimedAtEachTopicOfItsPathAndCountsAsScoredOnlyByItsCommittedAllTimeCustomerScore() throws Exception {
        createIfAbsent(List.of(Topics.CONTACT_EVENTS.name(), Topics.RESOLVED_EVENTS.name(), Topics.SCORE_UPDATES.name()));
        String scored = "cus-" + UUID.randomUUID();
        String notScored = "cus-" + UUID.randomUUID();

        try (HopDelays hops = new HopDelays(bootstrap);
                KafkaProducer<String, String> producer = transactional()) {
            hops.posted(scored);
            hops.posted(notScored);
            // Only a committed customer score for the window "all" marks an answer scored: not another
            // scope, not another window, not an aborted transaction.
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.SCORE_UPDATES.name(), "customer:" + notScored + ":all", "{}"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.CONTACT_EVENTS.name(), scored, "{}"));
            producer.send(new ProducerRecord<>(Topics.CONTACT_EVENTS.name(), notScored, "{}"));
            producer.send(new ProducerRecord<>(Topics.RESOLVED_EVENTS.name(), scored, "{}"));
            producer.send(new ProducerRecord<>(Topics.SCORE_UPDATES.name(), "customer:" + scored + ":7d", "{}"));
            producer.send(new ProducerRecord<>(Topics.SCORE_UPDATES.name(), "team:" + scored + ":all", "{}"));
            producer.send(new ProducerRecord<>(Topics.SCORE_UPDATES.name(), "customer:" + scored + ":all", "{}"));
            producer.commitTransaction();

            // Both answers are awaited; only one is ever scored, so the wait ends at its deadline.
            assertThat(hops.await(2, System.nanoTime() + TimeUnit.SECONDS.toNanos(5))).isEqualTo(1);

            assertThat(hops.endToEnd()).startsWith("p50 ");
            assertThat(hops.report()).hasSize(3).allSatisfy(line -> assertThat(line).contains("p50 ").doesNotContain("none seen"));
        }
    }

    private void createIfAbsent(List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all()
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private KafkaProducer<String, String> transactional() {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "hop-test-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }
}

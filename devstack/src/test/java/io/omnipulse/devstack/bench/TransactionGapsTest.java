package io.omnipulse.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.devstack.testkit.TestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TransactionGapsTest {

    private final String bootstrap = TestInfrastructure.kafkaBootstrapServers();

    @Test
    void aGapOfTwoProducersCommitMarkersHoldsNoRecordAndOneWithARecordDoes() throws Exception {
        String topic = "gaps-" + UUID.randomUUID();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        // Two exactly-once writers (two stream threads) interleaved: record a (0), record b (1), then a's
        // commit marker (2) and b's (3). A consumer that read both records commits offset 2, two short of the end.
        try (KafkaProducer<String, String> a = transactional("a"); KafkaProducer<String, String> b = transactional("b")) {
            a.beginTransaction();
            a.send(new ProducerRecord<>(topic, 0, "k", "a")).get();
            b.beginTransaction();
            b.send(new ProducerRecord<>(topic, 0, "k", "b")).get();
            a.commitTransaction();
            b.commitTransaction();
        }

        try (TransactionGaps gaps = new TransactionGaps(bootstrap)) {
            assertThat(gaps.holdingRecords(Map.of(partition, new long[] {2, 4}))).isEmpty();
            assertThat(gaps.holdingRecords(Map.of(partition, new long[] {1, 4}))).containsExactly(partition);
            assertThat(gaps.holdingRecords(Map.of())).isEmpty();
        }
    }

    private KafkaProducer<String, String> transactional(String name) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "gaps-test-" + name + "-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }
}

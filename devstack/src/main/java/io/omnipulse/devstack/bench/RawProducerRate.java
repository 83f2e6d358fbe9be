package io.omnipulse.devstack.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the broker of this stack takes from one plain producer: 500-byte records, acks=all,
 * idempotent, other settings at their defaults, onto a topic of its own with the catalog's six
 * partitions (created for the run and deleted after it). Every other figure of the bench is read
 * against this one.
 */
final class RawProducerRate {

    static final String TOPIC = "omnipulse-bench-raw";
    static final int RECORD_BYTES = 500;

    private final Admin admin;
    private final String bootstrap;

    RawProducerRate(Admin admin, String bootstrap) {
        this.admin = admin;
        this.bootstrap = bootstrap;
    }

    /** Records per second for {@code count} records. */
    double measure(int count) throws Exception {
        admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(6), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
        try {
            return send(count);
        } finally {
            admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
        }
    }

    private double send(int count) {
        byte[][] values = new byte[64][RECORD_BYTES];
        Random random = new Random(1);
        for (byte[] value : values) {
            random.nextBytes(value);
        }
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(TOPIC); // metadata before the clock starts
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(TOPIC, values[i & 63]));
            }
            producer.flush();
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}

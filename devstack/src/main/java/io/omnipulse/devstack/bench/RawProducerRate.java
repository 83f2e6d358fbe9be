package io.omnipulse.devstack.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the broker of this stack takes from one plain producer: 500-byte records, acks=all,
 * idempotent, other settings at their defaults, onto a topic of its own with as many partitions as
 * the stack's topics (created for the run under a name of its own, since a deleted topic's name can still be
 * in use for a while, and deleted after it). Only acknowledged records count: a send that fails
 * fails the bench. Every other figure of the bench is read against this one.
 */
final class RawProducerRate {

    static final String TOPIC_PREFIX = "omnipulse-bench-raw-";
    static final int RECORD_BYTES = 500;

    private final Admin admin;
    private final String bootstrap;
    private final int partitions;

    RawProducerRate(Admin admin, String bootstrap, int partitions) {
        this.admin = admin;
        this.bootstrap = bootstrap;
        this.partitions = partitions;
    }

    /** Records per second for {@code count} records. */
    double measure(int count) throws Exception {
        String topic = TOPIC_PREFIX + System.currentTimeMillis();
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
        try {
            return send(topic, count);
        } finally {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Before the clock starts: one acknowledged record on every partition of the new topic. A burst
     * sent while the broker is still taking leadership of a partition it has just created meets
     * NOT_LEADER_OR_FOLLOWER, and once the idempotent producer retried its way into an out-of-order
     * sequence (seen once in five runs, 2026-11-29) no record of that partition was acknowledged again.
     */
    private static void settle(KafkaProducer<byte[], byte[]> producer, String topic, byte[] value) {
        try {
            for (int partition = 0; partition < producer.partitionsFor(topic).size(); partition++) {
                producer.send(new ProducerRecord<>(topic, partition, null, value)).get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the raw topic settles", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the raw topic " + topic + " took no record", e);
        }
    }

    private double send(String topic, int count) {
        byte[][] values = new byte[64][RECORD_BYTES];
        Random random = new Random(1);
        for (byte[] value : values) {
            random.nextBytes(value);
        }
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            settle(producer, topic, values[0]);
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, values[i & 63]), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null || acknowledged.get() != count) {
                throw new IllegalStateException(acknowledged.get() + " of " + count + " records acknowledged",
                        failure.get());
            }
            return count / seconds;
        }
    }
}

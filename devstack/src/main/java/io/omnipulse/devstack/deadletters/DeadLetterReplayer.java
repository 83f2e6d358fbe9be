package io.omnipulse.devstack.deadletters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes dead letters' original key and value bytes onto their source topic and partition, in
 * one transaction with their {@link ReplayLedger} entries: either a dead letter is back on its topic
 * and marked replayed, or neither. The fixed transactional id fences a replay started at the same
 * time elsewhere, and makes opening wait until the previous replay's transaction is complete, so
 * the ledger read after {@link #open} holds every earlier replay.
 */
final class DeadLetterReplayer implements AutoCloseable {

    static final String TRANSACTIONAL_ID = "omnipulse-dead-letter-replay";

    /** Where one dead letter went. */
    record Replayed(DeadLetter deadLetter, String topic, int partition, long offset) {
    }

    private final KafkaProducer<byte[], byte[]> producer;

    private DeadLetterReplayer(KafkaProducer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    static DeadLetterReplayer open(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
        return new DeadLetterReplayer(producer);
    }

    List<Replayed> replay(List<DeadLetter> deadLetters, Instant now) {
        if (deadLetters.isEmpty()) {
            return List.of();
        }
        producer.beginTransaction();
        List<Replayed> sent = new ArrayList<>();
        try {
            for (DeadLetter d : deadLetters) {
                // The original partition, not the partitioner's choice: the record goes back where the
                // services expect it, beside the rest of its key's history.
                RecordMetadata m = producer.send(new ProducerRecord<>(d.origin().sourceTopic(),
                        d.origin().sourcePartition(), d.key(), d.value())).get();
                producer.send(ReplayLedger.entry(d, now));
                sent.add(new Replayed(d, m.topic(), m.partition(), m.offset()));
            }
            producer.commitTransaction();
        } catch (ExecutionException e) {
            producer.abortTransaction();
            throw new IllegalStateException("replay aborted, nothing was sent: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            producer.abortTransaction();
            throw new IllegalStateException("replay interrupted, nothing was sent", e);
        }
        return sent;
    }

    @Override
    public void close() {
        producer.close();
    }
}

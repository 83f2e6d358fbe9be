package io.omnipulse.devstack.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Which dead letters have been replayed, kept in a compacted topic keyed by the dead letter's
 * partition and offset on {@code cx.dead-letters.v1}. A consumer group's offsets could not say
 * this: they are one mark per partition, and a replay picks dead letters by service, topic, offset
 * and time, so those it leaves out would be passed over for good. The ledger entry is written in
 * the same transaction as the replayed record, so a dead letter counts as replayed exactly when it
 * has been. Provisioned by deploy/topics.sh and the devstack beside the catalog.
 */
public final class ReplayLedger {

    public static final String TOPIC = "omnipulse-dead-letter-replays";
    /** One partition: small (one entry per replayed dead letter), read whole on every replay. */
    public static final int PARTITIONS = 1;
    /** Latest entry per dead letter is all that matters; a tombstone would make one replayable again. */
    public static final Map<String, String> CONFIG = Map.of("cleanup.policy", "compact");

    private final Set<String> replayed;

    private ReplayLedger(Set<String> replayed) {
        this.replayed = replayed;
    }

    public static ReplayLedger load(String bootstrapServers, Duration timeout) {
        Set<String> ids = new HashSet<>();
        TopicReader.readAll(bootstrapServers, TOPIC, timeout, r -> {
            String id = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                ids.remove(id);
            } else {
                ids.add(id);
            }
        });
        return new ReplayLedger(ids);
    }

    /** Replaying without the ledger would forget what was sent; the topic comes from deploy/topics.sh. */
    static void requireTopic(String bootstrapServers, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(TOPIC)) {
                throw new IllegalStateException("topic " + TOPIC + " is missing: create it with deploy/topics.sh");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach " + bootstrapServers + ": " + e, e);
        }
    }

    public boolean contains(DeadLetter d) {
        return replayed.contains(d.id());
    }

    static ProducerRecord<byte[], byte[]> entry(DeadLetter d, Instant at) {
        return new ProducerRecord<>(TOPIC, d.id().getBytes(StandardCharsets.UTF_8),
                ("replayed-at=" + at).getBytes(StandardCharsets.UTF_8));
    }
}

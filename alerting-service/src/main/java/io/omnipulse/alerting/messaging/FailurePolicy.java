package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.config.AlertingConfig;
import io.omnipulse.alerting.health.ConsumerStates;
import io.omnipulse.alerting.lifecycle.IntakeBacklog;
import io.omnipulse.alerting.lifecycle.WorkGate;
import io.omnipulse.alerting.notify.Backoff;
import io.omnipulse.events.DeadLetters.Stage;
import io.omnipulse.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * The one failure policy of the incoming channels. Each channel reads raw bytes, so the
 * original key and value are at hand whatever happens; this class deserializes them and runs the
 * channel's work:
 * <ul>
 * <li>a record that cannot be deserialized, that {@link RecordChecks} refuses, or whose processing
 * fails permanently (a value out of range, a constraint it breaks, any error not known to be
 * transient) goes to the dead-letter topic and the channel goes on;</li>
 * <li>a transient failure (database or broker away) is retried with capped exponential backoff on
 * the record's worker thread, for as long as it lasts: the channel is ordered, so nothing later on
 * the partition is handled and no offset moves meanwhile; readiness reports DOWN.</li>
 * </ul>
 * Only during shutdown does a transient failure escape (nack): the offset stays uncommitted and the
 * record is read again after the restart.
 *
 * <p>The channels consume polled batches ({@link #handleBatch}): the readable records are handled
 * together (one transaction), and a permanent failure of that batch falls back to one record at a
 * time under the rules above, so that only the bad record is dead-lettered.
 */
@ApplicationScoped
public class FailurePolicy {

    private static final Logger LOG = Logger.getLogger(FailurePolicy.class);

    private final DeadLetterPublisher deadLetters;
    private final ConsumerStates states;
    private final InputFreshness freshness;
    private final WorkGate gate;
    private final IntakeBacklog backlog;
    private final RecordChecks checks;
    private final MeterRegistry registry;
    private final Backoff backoff;

    public FailurePolicy(DeadLetterPublisher deadLetters, ConsumerStates states, InputFreshness freshness,
            WorkGate gate, IntakeBacklog backlog, RecordChecks checks, AlertingConfig config, MeterRegistry registry) {
        this.backlog = backlog;
        this.checks = checks;
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.states = states;
        this.freshness = freshness;
        this.gate = gate;
        this.backoff = new Backoff(config.consumers().retryBackoff(), config.consumers().maxRetryBackoff());
    }

    /** One readable record of a batch: the record, its key as text and its deserialized value. */
    public record Item<T>(ConsumerRecord<byte[], byte[]> record, String key, T value) {
    }

    /** The work for one record of a batch handled one at a time. */
    @FunctionalInterface
    public interface RecordWork<T> {
        void accept(ConsumerRecord<byte[], byte[]> record, String key, T value);
    }

    /**
     * A polled batch (records of a partition in offset order): records that cannot be read or that
     * {@link RecordChecks} refuses are dead-lettered first, the rest go to {@code batch} at once
     * (which runs them in one transaction). A transient failure of the batch is retried with backoff
     * as for one record. A permanent one (one bad record fails the whole transaction, which rolled
     * back) falls back to {@code work} one record at a time, in order, each with the single-record
     * policy: the bad record is dead-lettered, the others stored. The offsets move only after this
     * method returned, i.e. after the batch's transaction committed.
     */
    public <T> void handleBatch(String channel, Iterable<ConsumerRecord<byte[], byte[]>> records,
            Deserializer<T> values, Consumer<ConsumerRecord<byte[], byte[]>> onUnreadable,
            Consumer<List<Item<T>>> batch, RecordWork<T> work) {
        handleBatch(channel, records, record -> true, values, onUnreadable, batch, work);
    }

    /**
     * As {@link #handleBatch(String, Iterable, Deserializer, Consumer, Consumer, RecordWork)}, for a
     * channel that uses only some of its records and can tell them by their key: the others are
     * passed over unread (no value is deserialized, checked or dead-lettered: the channel has no use
     * for it) but still count for freshness. Returns how many were passed over.
     */
    public <T> int handleBatch(String channel, Iterable<ConsumerRecord<byte[], byte[]>> records,
            Predicate<ConsumerRecord<byte[], byte[]>> used, Deserializer<T> values,
            Consumer<ConsumerRecord<byte[], byte[]>> onUnreadable, Consumer<List<Item<T>>> batch,
            RecordWork<T> work) {
        gate.enterAlways();
        int passedOver = 0;
        int polled = 0;
        try {
            List<Item<T>> readable = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                polled++;
                if (!used.test(record) || isDeleteMarker(record)) {
                    freshness.processed(record.topic(), record.timestamp());
                    passedOver++;
                    continue;
                }
                Item<T> item = read(channel, record, values, onUnreadable);
                if (item != null) {
                    readable.add(item);
                }
            }
            if (readable.isEmpty()) {
                return passedOver;
            }
            ConsumerRecord<byte[], byte[]> first = readable.get(0).record();
            boolean stored;
            try {
                retryWhileTransient(channel, first, () -> batch.accept(readable));
                stored = true;
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e; // shutting down during a retry: the batch is read again after the restart
                }
                LOG.warnf("batch of %d records from %s-%d@%d failed (%s); handling them one at a time",
                        readable.size(), first.topic(), first.partition(), first.offset(),
                        e.toString().lines().findFirst().orElse(""));
                stored = false;
            }
            for (Item<T> item : readable) {
                if (!stored) {
                    ConsumerRecord<byte[], byte[]> record = item.record();
                    retryWhileTransient(channel, record,
                            () -> process(channel, record, () -> work.accept(record, item.key(), item.value())));
                }
                freshness.processed(item.record().topic(), item.record().timestamp());
            }
            return passedOver;
        } finally {
            backlog.polled(channel, polled);
            gate.exit();
        }
    }

    /** The compacted topics this service reads, whose records without a value are delete markers. */
    private static final Set<String> COMPACTED = Set.of(Topics.SCORE_UPDATES.name(), Topics.EFFORT_INDEX.name());

    /**
     * A tombstone on a compacted topic: scoring-service forgetting a key (an erased customer's). Nothing
     * to act on (the erasure itself arrives on cx.erasures.v1) and nothing wrong, so not a dead letter.
     */
    private static boolean isDeleteMarker(ConsumerRecord<byte[], byte[]> record) {
        return record.value() == null && COMPACTED.contains(record.topic());
    }

    /** Deserializes and checks one record; null (after dead-lettering it) when it is not usable. */
    private <T> Item<T> read(String channel, ConsumerRecord<byte[], byte[]> record, Deserializer<T> values,
            Consumer<ConsumerRecord<byte[], byte[]>> onUnreadable) {
        T value;
        try {
            value = record.value() == null ? null
                    : deserialize(values, record, () -> onUnreadable.accept(record));
            if (value == null) {
                throw new SerializationException("the record has no value");
            }
        } catch (RuntimeException e) {
            deadLetter(channel, record, Stage.DESERIALIZE, e);
            return null;
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        try {
            checks.check(key, value);
        } catch (InvalidRecordException e) {
            deadLetter(channel, record, Stage.PROCESS, e);
            return null;
        }
        return new Item<>(record, key, value);
    }

    private static <T> T deserialize(Deserializer<T> values, ConsumerRecord<byte[], byte[]> record,
            Runnable onUnreadable) {
        try {
            return values.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            onUnreadable.run();
            throw e;
        }
    }

    private void process(String channel, ConsumerRecord<byte[], byte[]> record, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            deadLetter(channel, record, Stage.PROCESS, e);
        }
    }

    private void deadLetter(String channel, ConsumerRecord<byte[], byte[]> record, Stage stage, RuntimeException e) {
        // Customer ids (the key) may be logged, except that of a customer asking to be forgotten; the
        // value (identifiers, comments) never is.
        LOG.errorf("dead-lettering %s-%d@%d (%s, key %s): %s", record.topic(), record.partition(), record.offset(),
                stage, ErasureConsumer.CHANNEL.equals(channel) ? "withheld" : printableKey(record),
                e.toString().lines().findFirst().orElse(""));
        retryWhileTransient(channel, record, () -> {
            try {
                deadLetters.publish(record, stage, e);
            } catch (RuntimeException refused) {
                if (Failures.isTransient(refused)) {
                    throw refused;
                }
                // The broker refuses this dead letter for good (e.g. larger than the dead-letter
                // topic takes). The record stays on its source topic at this offset, logged here.
                LOG.errorf("dead letter for %s-%d@%d refused, skipped: %s", record.topic(), record.partition(),
                        record.offset(), refused.toString());
            }
        });
    }

    private void retryWhileTransient(String channel, ConsumerRecord<byte[], byte[]> record, Runnable step) {
        for (int failures = 1;; failures++) {
            try {
                step.run();
                states.recovered(channel);
                return;
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                states.retrying(channel, e.getClass().getName());
                registry.counter("omnipulse.alerting.consumer.retries", "channel", channel).increment();
                LOG.warnf("transient failure on %s-%d@%d (attempt %d), retrying: %s", record.topic(),
                        record.partition(), record.offset(), failures, e.toString().lines().findFirst().orElse(""));
                if (!waitBeforeRetry(failures)) {
                    // Shutting down: leave the record unacknowledged, so it is read again.
                    states.recovered(channel);
                    throw e;
                }
            }
        }
    }

    private boolean waitBeforeRetry(int failures) {
        try {
            return gate.pause(backoff.after(failures));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String printableKey(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return null;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return key.length() <= 64 ? key : key.substring(0, 64) + "...";
    }
}

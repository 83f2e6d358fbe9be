package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.config.AlertingConfig;
import io.omnipulse.alerting.health.ConsumerStates;
import io.omnipulse.alerting.lifecycle.WorkGate;
import io.omnipulse.alerting.notify.Backoff;
import io.omnipulse.events.DeadLetters.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * The one failure policy of the four incoming channels. Each channel reads raw bytes, so the
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
 */
@ApplicationScoped
public class FailurePolicy {

    private static final Logger LOG = Logger.getLogger(FailurePolicy.class);

    private final DeadLetterPublisher deadLetters;
    private final ConsumerStates states;
    private final InputFreshness freshness;
    private final WorkGate gate;
    private final RecordChecks checks;
    private final MeterRegistry registry;
    private final Backoff backoff;

    public FailurePolicy(DeadLetterPublisher deadLetters, ConsumerStates states, InputFreshness freshness,
            WorkGate gate, RecordChecks checks, AlertingConfig config, MeterRegistry registry) {
        this.checks = checks;
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.states = states;
        this.freshness = freshness;
        this.gate = gate;
        this.backoff = new Backoff(config.consumers().retryBackoff(), config.consumers().maxRetryBackoff());
    }

    /**
     * Deserializes the record with {@code values} and hands key and value to {@code work};
     * {@code onUnreadable} runs when the deserializer refuses the value (the channel's own counter).
     */
    public <T> void handle(String channel, ConsumerRecord<byte[], byte[]> record, Deserializer<T> values,
            Runnable onUnreadable, BiConsumer<String, T> work) {
        gate.enterAlways();
        try {
            T value;
            try {
                value = record.value() == null ? null : deserialize(values, record, onUnreadable);
                if (value == null) {
                    throw new SerializationException("the record has no value");
                }
            } catch (RuntimeException e) {
                deadLetter(channel, record, Stage.DESERIALIZE, e);
                return;
            }
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            try {
                checks.check(key, value);
            } catch (InvalidRecordException e) {
                deadLetter(channel, record, Stage.PROCESS, e);
                return;
            }
            retryWhileTransient(channel, record, () -> process(channel, record, () -> work.accept(key, value)));
            freshness.processed(record.topic(), record.timestamp());
        } finally {
            gate.exit();
        }
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
        // Customer ids (the key) may be logged; the value (identifiers, comments) never is.
        LOG.errorf("dead-lettering %s-%d@%d (%s, key %s): %s", record.topic(), record.partition(), record.offset(),
                stage, printableKey(record), e.toString().lines().findFirst().orElse(""));
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

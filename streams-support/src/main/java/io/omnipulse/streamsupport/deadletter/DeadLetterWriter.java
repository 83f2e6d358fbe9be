package io.omnipulse.streamsupport.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.omnipulse.events.DeadLetters;
import io.omnipulse.events.DeadLetters.Origin;
import io.omnipulse.events.DeadLetters.Stage;
import io.omnipulse.events.Topics;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Turns a failed record into its dead letter (original key and value bytes, {@link DeadLetters} headers)
 * and counts it. Shared by the three handlers. Kafka Streams sends the returned record inside the task's
 * transaction (KIP-1034), so under exactly-once a dead letter is written once with the offsets that skip it.
 *
 * <p>Counted in {@code omnipulse_dead_letters_total{service,topic,stage}} on Micrometer's global registry,
 * which Quarkus backs with /q/metrics (Kafka Streams instantiates handlers itself, so CDI cannot inject one).
 * Like the business counters, the count can run ahead of the topic if a transaction aborts afterwards.
 * Logs name the position and the error class only: error messages may quote the record.
 */
final class DeadLetterWriter {

    static final String COUNTER = "omnipulse.dead.letters";
    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);

    private final DeadLetterSettings settings;
    private final SourceRecordReader sources;
    private final Clock clock;

    DeadLetterWriter(DeadLetterSettings settings, SourceRecordReader sources, Clock clock) {
        this.settings = settings;
        this.sources = sources;
        this.clock = clock;
    }

    /** From the configuration Kafka Streams gives a handler. */
    static DeadLetterWriter configured(java.util.Map<String, ?> configs) {
        return new DeadLetterWriter(DeadLetterSettings.from(configs), new SourceRecordReader(configs), Clock.systemUTC());
    }

    /** The dead letter of the record read at {@code topic/partition/offset} that failed at {@code stage}. */
    ProducerRecord<byte[], byte[]> deadLetter(String topic, int partition, long offset, byte[] key, byte[] value,
            Stage stage, Exception error) {
        Origin origin = DeadLetters.origin(settings.service(), topic, partition, offset, stage, error, clock.instant());
        if (key == null && value == null) {
            var source = sources.read(topic, partition, offset);
            if (source.isPresent()) {
                key = source.get().key();
                value = source.get().value();
            } else {
                origin = new Origin(origin.service(), origin.sourceTopic(), origin.sourcePartition(),
                        origin.sourceOffset(), stage, origin.errorClass(),
                        "[source bytes unavailable: read them at the source offset] " + origin.errorMessage(),
                        origin.failedAt());
            }
        }
        byte[] keptKey = key;
        byte[] keptValue = value;
        int size = length(key) + length(value);
        if (size > settings.maxRecordBytes()) {
            // Too large for the dead-letter topic: keep the start (enough to find the record at its source
            // offset) rather than fail the task, and say so in the message.
            keptKey = cut(key, settings.maxRecordBytes());
            keptValue = cut(value, settings.maxRecordBytes() - length(keptKey));
            origin = new Origin(origin.service(), origin.sourceTopic(), origin.sourcePartition(), origin.sourceOffset(),
                    stage, origin.errorClass(), "[record of " + size + " bytes cut to " + settings.maxRecordBytes()
                            + "] " + origin.errorMessage(), origin.failedAt());
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, null, keptKey,
                keptValue, origin.toHeaders());
        count(topic, stage);
        LOG.warnf("Dead-lettered the record at %s-%d@%d (%s failed: %s)", topic, partition, offset,
                stage.name().toLowerCase(Locale.ROOT), causes(error));
        return record;
    }

    /** An output that failed with no input record to dead-letter: logged and counted only. */
    void dropped(String outputTopic, Exception error) {
        Counter.builder("omnipulse.streams.outputs.dropped")
                .description("Outputs that could not be written and had no input record to dead-letter (changelog flushes)")
                .tag("service", settings.service())
                .tag("topic", outputTopic)
                .register(Metrics.globalRegistry)
                .increment();
        LOG.errorf("Dropped an output to %s that could not be written (%s); no input record to dead-letter",
                outputTopic, causes(error));
    }

    /** The error's class and its causes' classes: what failed, without messages that may quote the record. */
    static String causes(Throwable error) {
        StringBuilder chain = new StringBuilder(error.getClass().getName());
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getName());
        }
        return chain.toString();
    }

    private void count(String topic, Stage stage) {
        Counter.builder(COUNTER)
                .description("Records sent to " + Topics.DEAD_LETTERS.name() + " by source topic and failed stage")
                .tag("service", settings.service())
                .tag("topic", topic)
                .tag("stage", stage.name().toLowerCase(Locale.ROOT))
                .register(Metrics.globalRegistry)
                .increment();
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static byte[] cut(byte[] bytes, int max) {
        return bytes == null || bytes.length <= max ? bytes : Arrays.copyOf(bytes, Math.max(0, max));
    }
}

package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.events.DeadLetters;
import io.omnipulse.events.DeadLetters.Stage;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes a record this service cannot handle to {@code Topics.DEAD_LETTERS}: its original key and
 * value bytes, untouched, with the {@link DeadLetters} headers (service, source topic, partition,
 * offset, stage, error class and a bounded message), and counts it in
 * {@code omnipulse_dead_letters_total{service,topic,stage}}. The send waits for the broker's ack,
 * so the source offset is committed only once the dead letter is safe.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "dead-letters";
    public static final String SERVICE = "alerting-service";
    /** Longer than the producer's delivery timeout: the producer gives up first, with its own error. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(150);

    private final MutinyEmitter<byte[]> emitter;
    private final MeterRegistry registry;
    private final Clock clock;

    public DeadLetterPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, MeterRegistry registry, Clock clock) {
        this.emitter = emitter;
        this.registry = registry;
        this.clock = clock;
    }

    /** Publishes the dead letter and waits for the ack; throws if the broker did not take it. */
    public void publish(ConsumerRecord<byte[], byte[]> record, Stage stage, Throwable error) {
        List<RecordHeader> headers = DeadLetters.origin(SERVICE, record.topic(), record.partition(), record.offset(),
                stage, error, clock.instant()).toHeaders().stream()
                .map(h -> new RecordHeader(h.key(), h.value())).toList();
        OutgoingKafkaRecordMetadata<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withKey(record.key()).withHeaders(headers).build();
        emitter.sendMessage(Message.of(record.value()).addMetadata(metadata)).await().atMost(ACK_WAIT);
        registry.counter("omnipulse.dead.letters", "service", SERVICE, "topic", record.topic(),
                "stage", stage.name().toLowerCase(Locale.ROOT)).increment();
    }
}

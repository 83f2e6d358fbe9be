package io.omnipulse.alerting.messaging;

import io.omnipulse.events.ErasureProgress;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Tells {@code Topics.ERASURE_PROGRESS} that this service did its part of an erasure, keyed by the
 * erasure id, and waits for the broker's ack: the request's offset is committed only after that.
 */
@ApplicationScoped
public class ErasureProgressPublisher {

    public static final String CHANNEL = "erasure-progress";
    /** The step this service reports, as profile-service folds it into the erasure's status. */
    public static final String STEP = DeadLetterPublisher.SERVICE;
    /** Longer than the producer's delivery timeout: the producer gives up first, with its own error. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(90);

    private final MutinyEmitter<ErasureProgress> emitter;

    public ErasureProgressPublisher(@Channel(CHANNEL) MutinyEmitter<ErasureProgress> emitter) {
        this.emitter = emitter;
    }

    /** Publishes and waits for the ack; throws if the broker did not take it (a transient failure is retried). */
    public void publish(ErasureProgress progress) {
        emitter.sendMessage(KafkaRecord.of(progress.erasureId(), progress)).await().atMost(ACK_WAIT);
    }
}

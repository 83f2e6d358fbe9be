package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.service.AlertService;
import io.omnipulse.alerting.service.Outcome;
import io.omnipulse.events.serde.EffortIndexUpdatedSerde;
import io.omnipulse.events.serde.ScoreUpdatedSerde;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code Topics.EFFORT_INDEX} and {@code Topics.SCORE_UPDATES} for the behavioural-effort
 * and team/channel-drop rules. Same delivery guarantees as {@link ResolvedEventConsumer}: at least
 * once, made idempotent by the trigger key derived from each record; failures follow
 * {@link FailurePolicy}.
 */
@ApplicationScoped
public class SignalConsumers {

    public static final String EFFORT = "effort-index";
    public static final String SCORES = "score-updates";

    private static final Logger LOG = Logger.getLogger(SignalConsumers.class);

    private final AlertService service;
    private final FailurePolicy policy;
    private final MeterRegistry registry;
    private final EffortIndexUpdatedSerde effortSerde = new EffortIndexUpdatedSerde();
    private final ScoreUpdatedSerde scoreSerde = new ScoreUpdatedSerde();

    public SignalConsumers(AlertService service, FailurePolicy policy, MeterRegistry registry) {
        this.service = service;
        this.policy = policy;
        this.registry = registry;
    }

    @Incoming(EFFORT)
    @Blocking
    public void effort(ConsumerRecord<byte[], byte[]> record) {
        policy.handle(EFFORT, record, effortSerde, () -> unreadable(record),
                (key, update) -> count(EFFORT, retryOnce(() -> service.handle(update), record)));
    }

    @Incoming(SCORES)
    @Blocking
    public void scores(ConsumerRecord<byte[], byte[]> record) {
        policy.handle(SCORES, record, scoreSerde, () -> unreadable(record),
                (key, update) -> count(SCORES, retryOnce(() -> service.handle(update), record)));
    }

    private static Outcome retryOnce(Supplier<Outcome> work, ConsumerRecord<?, ?> record) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!Conflicts.isConflict(e)) {
                throw e;
            }
            LOG.infof("write conflict on %s-%d@%d; retrying once", record.topic(), record.partition(), record.offset());
            return work.get();
        }
    }

    private void count(String input, Outcome outcome) {
        registry.counter("omnipulse.alerting.signals", "input", input, "outcome", outcome.name().toLowerCase())
                .increment();
    }

    private void unreadable(ConsumerRecord<?, ?> record) {
        registry.counter("omnipulse.alerting.events.unreadable.signals", "topic", record.topic()).increment();
    }
}

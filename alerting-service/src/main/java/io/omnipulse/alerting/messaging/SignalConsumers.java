package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.service.AlertService;
import io.omnipulse.alerting.service.Outcome;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.ScoreUpdated;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code Topics.EFFORT_INDEX} and {@code Topics.SCORE_UPDATES} for the behavioural-effort
 * and team/channel-drop rules. Same delivery guarantees as {@link ResolvedEventConsumer}: at least
 * once, made idempotent by the trigger key derived from each record.
 */
@ApplicationScoped
public class SignalConsumers {

    public static final String EFFORT = "effort-index";
    public static final String SCORES = "score-updates";

    private static final Logger LOG = Logger.getLogger(SignalConsumers.class);

    private final AlertService service;
    private final MeterRegistry registry;

    public SignalConsumers(AlertService service, MeterRegistry registry) {
        this.service = service;
        this.registry = registry;
    }

    @Incoming(EFFORT)
    @Blocking
    public void effort(ConsumerRecord<String, EffortIndexUpdated> record) {
        if (record.value() == null) {
            skip(record);
            return;
        }
        count(EFFORT, retryOnce(() -> service.handle(record.value()), record));
    }

    @Incoming(SCORES)
    @Blocking
    public void scores(ConsumerRecord<String, ScoreUpdated> record) {
        if (record.value() == null) {
            skip(record);
            return;
        }
        count(SCORES, retryOnce(() -> service.handle(record.value()), record));
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

    private void skip(ConsumerRecord<?, ?> record) {
        LOG.errorf("skipping unreadable record %s-%d@%d (key %s)", record.topic(), record.partition(),
                record.offset(), record.key());
        registry.counter("omnipulse.alerting.events.unreadable.signals", "topic", record.topic()).increment();
    }
}

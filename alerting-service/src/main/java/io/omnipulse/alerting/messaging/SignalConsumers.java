package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.service.AlertService;
import io.omnipulse.alerting.service.Outcome;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.serde.EffortIndexUpdatedSerde;
import io.omnipulse.events.serde.ScoreUpdatedSerde;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
    /** Outcome of the updates passed over by their key, unread (omnipulse_alerting_signals_total{outcome}). */
    public static final String PASSED_OVER = "passed_over";

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

    /** One polled batch, one transaction (see ResolvedEventConsumer#consume). */
    @Incoming(EFFORT)
    @Blocking
    public void effort(ConsumerRecords<byte[], byte[]> records) {
        policy.handleBatch(EFFORT, records, effortSerde, this::unreadable,
                items -> service.handleEfforts(values(items)).forEach(outcome -> count(EFFORT, outcome)),
                (record, key, update) -> count(EFFORT, retryOnce(() -> service.handle(update), record)));
    }

    /** One polled batch, one transaction (see ResolvedEventConsumer#consume). */
    @Incoming(SCORES)
    @Blocking
    public void scores(ConsumerRecords<byte[], byte[]> records) {
        // Most updates are of scopes and windows no rule compares (every customer's, four windows
        // each): told apart by their key, they are passed over without reading their JSON.
        int passedOver = policy.handleBatch(SCORES, records, SignalConsumers::comparedByKey, scoreSerde,
                this::unreadable,
                items -> service.handleScores(values(items)).forEach(outcome -> count(SCORES, outcome)),
                (record, key, update) -> count(SCORES, retryOnce(() -> service.handle(update), record)));
        registry.counter("omnipulse.alerting.signals", "input", SCORES, "outcome", PASSED_OVER).increment(passedOver);
    }

    /**
     * A record keyed as an update the drop rule compares, or keyed in no way this can judge (no key,
     * or not {@code scope:key:window}): those are read, and dead-lettered if their value is bad.
     */
    private static boolean comparedByKey(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return true;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (key.indexOf(':') < 0) {
            return true;
        }
        return AlertService.comparesScope(ScoreUpdated.scopeOfRecordKey(key))
                && AlertService.comparesWindow(ScoreUpdated.windowOfRecordKey(key));
    }

    private static <T> List<T> values(List<FailurePolicy.Item<T>> items) {
        List<T> values = new ArrayList<>(items.size());
        for (FailurePolicy.Item<T> item : items) {
            values.add(item.value());
        }
        return values;
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

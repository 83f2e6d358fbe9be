package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.InteractionRef;
import io.omnipulse.scoring.domain.RecentAnswers;
import io.omnipulse.scoring.domain.RecentInteractions;
import io.omnipulse.scoring.domain.ScopeKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per customer (the record key): remembers recent interactions and gives each answer the channel,
 * team and agent of the interaction it rates, so an e-mailed survey about a call counts for the
 * call. Also decides, once per event, whether it is late: the partition's event-time clock is the
 * latest occurredAt seen here; an event more than the grace before it is late for every scope.
 * Answers and interactions of one customer share a key, hence a partition: the join needs no repartition.
 *
 * <p>Arrival order does not matter: an answer may come before the interaction it rates (other
 * systems, other delays). Each answer is remembered with what it was counted for; when an interaction
 * arrives that changes the interaction a remembered answer rates, the answer moves: it is forwarded
 * again as a re-attribution, taken out of the old channel, team and agent and counted in the new ones.
 * Bound: an interaction can only change answers at or after it within the attribution horizon
 * ({@link RecentInteractions#rated}), and a late interaction (beyond the grace) re-attributes nothing,
 * so only answers within the grace of the clock are remembered, at most history-max-interactions of
 * them per customer (the newest), dropped as the clock moves on.
 */
class AttributeToInteraction implements FixedKeyProcessor<String, ContactEvent, Attributed> {

    /** The one key of the clock store; the store is per task, so this is the task's clock. */
    static final String CLOCK = "clock";

    private final ScoringConfig config;
    private final ScoringMetrics metrics;
    private FixedKeyProcessorContext<String, Attributed> context;
    private KeyValueStore<String, Long> clock;
    private KeyValueStore<String, RecentInteractions> history;
    private KeyValueStore<String, RecentAnswers> answers;

    AttributeToInteraction(ScoringConfig config, ScoringMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Attributed> context) {
        this.context = context;
        this.clock = context.getStateStore(ScoringTopology.EVENT_CLOCK_STORE);
        this.history = context.getStateStore(ScoringTopology.RECENT_INTERACTIONS_STORE);
        this.answers = context.getStateStore(ScoringTopology.RECENT_ANSWERS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ContactEvent> record) {
        ContactEvent event = record.value();
        long at = event.occurredAt().toEpochMilli();
        Long now = clock.get(CLOCK);
        boolean late = now != null && at < now - config.grace().toMillis();
        if (now == null || at > now) {
            clock.put(CLOCK, at);
        }
        long oldest = (now == null ? at : Math.max(now, at)) - config.grace().toMillis();
        RecentInteractions recent = history.get(record.key());
        recent = recent == null ? RecentInteractions.NONE : recent;
        if (!event.isFeedback()) {
            RecentInteractions updated = recent.with(InteractionRef.of(event), config.historyRetention(),
                    config.historyMaxInteractions());
            history.put(record.key(), updated);
            if (!late) {
                reattribute(record, at, updated, oldest);
            }
            context.forward(record.withValue(new Attributed(event, late)));
            return;
        }
        if (late) {
            metrics.lateResponse();
        }
        InteractionRef rated = recent.rated(event.feedback().ratesConversationId(), at, config.attributionHorizon());
        if (rated != null) {
            metrics.responseAttributed();
        }
        RecentAnswers.Remembered answer = new RecentAnswers.Remembered(event, late, rated);
        if (!late) {
            RecentAnswers remembered = answers.get(record.key());
            answers.put(record.key(), (remembered == null ? RecentAnswers.NONE : remembered)
                    .with(answer.forCounting(), oldest, config.historyMaxInteractions()));
        }
        context.forward(record.withValue(new Attributed(answer.counted(), late)));
    }

    /**
     * The customer's remembered answers that an interaction at {@code at} may be about (at or after
     * it, within the horizon) rate again, now that it is known; those that rate another channel, team
     * or agent than they were counted for are forwarded as re-attributions.
     */
    private void reattribute(FixedKeyRecord<String, ContactEvent> record, long at, RecentInteractions updated,
            long oldest) {
        RecentAnswers remembered = answers.get(record.key());
        if (remembered == null) {
            return;
        }
        List<RecentAnswers.Remembered> items = new ArrayList<>(remembered.items().size());
        for (RecentAnswers.Remembered answer : remembered.items()) {
            if (answer.at() < at || answer.at() > at + config.attributionHorizon().toMillis()) {
                items.add(answer);
                continue;
            }
            InteractionRef rated = updated.rated(answer.answer().feedback().ratesConversationId(), answer.at(),
                    config.attributionHorizon());
            RecentAnswers.Remembered moved = new RecentAnswers.Remembered(answer.answer(), answer.late(), rated);
            items.add(moved);
            if (!ScopeKey.of(record.key(), answer.counted()).equals(ScopeKey.of(record.key(), moved.counted()))) {
                metrics.responseReattributed();
                context.forward(record.withValue(new Attributed(moved.counted(), answer.late(), answer.counted())));
            }
        }
        RecentAnswers after = new RecentAnswers(items).bounded(oldest, config.historyMaxInteractions());
        if (after.items().isEmpty()) {
            answers.delete(record.key());
        } else if (!after.equals(remembered)) {
            answers.put(record.key(), after);
        }
    }
}

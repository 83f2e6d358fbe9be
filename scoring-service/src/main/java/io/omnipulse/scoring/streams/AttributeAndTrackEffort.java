package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.EffortFormula;
import io.omnipulse.scoring.domain.EffortState;
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
 * Per customer (the record key), with the customer's one store entry ({@link CustomerState}) read and
 * written once per event:
 *
 * <p><b>Attribution.</b> Remembers recent interactions and gives each answer the channel, team and
 * agent of the interaction it rates, so an e-mailed survey about a call counts for the call. Also
 * decides, once per event, whether it is late: the partition's event-time clock is the latest
 * occurredAt seen here; an event more than the grace before it is late for every scope. Answers and
 * interactions of one customer share a key, hence a partition: the join needs no repartition.
 *
 * <p>Arrival order does not matter: an answer may come before the interaction it rates (other
 * systems, other delays). Each answer is remembered with what it was counted for; when an interaction
 * arrives that changes the interaction a remembered answer rates, the answer moves: it is forwarded
 * again as a re-attribution, taken out of the old channel, team and agent and counted in the new ones.
 * Bound: an interaction can only change answers at or after it within the attribution horizon
 * ({@link RecentInteractions#rated}), and a late interaction (beyond the grace) re-attributes nothing,
 * so only answers within the grace of the clock are remembered, at most history-max-interactions of
 * them per customer (the newest), dropped as the clock moves on.
 *
 * <p><b>Effort.</b> Recomputes the customer's effort index from the recent interactions after each
 * interaction, and adds each CES answer (a re-attributed answer is no new answer: it leaves the effort
 * state as it is); forwards the change ({@link EffortChange}) when there is one, after the event's
 * attribution. Deterministic in event time: the index depends on which interactions are known, not on
 * the order they came in.
 */
class AttributeAndTrackEffort implements FixedKeyProcessor<String, ContactEvent, CustomerOutput> {

    /** The one key of the clock store; the store is per task, so this is the task's clock. */
    static final String CLOCK = "clock";

    private final ScoringConfig config;
    private final EffortFormula formula;
    private final ScoringMetrics metrics;
    private FixedKeyProcessorContext<String, CustomerOutput> context;
    private KeyValueStore<String, Long> clock;
    private KeyValueStore<String, CustomerState> customers;

    AttributeAndTrackEffort(ScoringConfig config, EffortFormula formula, ScoringMetrics metrics) {
        this.config = config;
        this.formula = formula;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CustomerOutput> context) {
        this.context = context;
        this.clock = context.getStateStore(ScoringTopology.EVENT_CLOCK_STORE);
        this.customers = context.getStateStore(ScoringTopology.CUSTOMERS_STORE);
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
        CustomerState before = CustomerState.orNone(customers.get(record.key()));
        CustomerState after = event.isFeedback() ? answer(record, at, late, oldest, before)
                : interaction(record, at, late, oldest, before);
        // Each step returns the very state it was given when it changed nothing (a late answer that is
        // no CES): no deep comparison of the whole entry per event.
        if (after != before) {
            customers.put(record.key(), after);
        }
        if (!after.effort().equals(before.effort())) {
            context.forward(record.withValue(new EffortChange(before.effort(), after.effort())));
        }
    }

    private CustomerState interaction(FixedKeyRecord<String, ContactEvent> record, long at, boolean late, long oldest,
            CustomerState state) {
        ContactEvent event = record.value();
        RecentInteractions interactions = state.interactions().with(InteractionRef.of(event), config.historyRetention(),
                config.historyMaxInteractions());
        RecentAnswers answers = late ? state.answers() : reattribute(record, at, interactions, state.answers(), oldest);
        context.forward(record.withValue(new Attributed(event, late)));
        return new CustomerState(interactions, answers, state.effort().indexedOver(interactions, formula));
    }

    private CustomerState answer(FixedKeyRecord<String, ContactEvent> record, long at, boolean late, long oldest,
            CustomerState state) {
        ContactEvent event = record.value();
        if (late) {
            metrics.lateResponse();
        }
        InteractionRef rated = state.interactions().rated(event.feedback().ratesConversationId(), at,
                config.attributionHorizon());
        if (rated != null) {
            metrics.responseAttributed();
        }
        RecentAnswers.Remembered answer = new RecentAnswers.Remembered(event, late, rated);
        RecentAnswers answers = late ? state.answers()
                : state.answers().with(answer.forCounting(), oldest, config.historyMaxInteractions());
        context.forward(record.withValue(new Attributed(answer.counted(), late)));
        EffortState effort = state.effort().withAnswer(event.feedback());
        return answers == state.answers() && effort == state.effort() ? state
                : new CustomerState(state.interactions(), answers, effort);
    }

    /**
     * The customer's remembered answers that an interaction at {@code at} may be about (at or after
     * it, within the horizon) rate again, now that it is known; those that rate another channel, team
     * or agent than they were counted for are forwarded as re-attributions. Returns the answers to
     * remember from now on.
     */
    private RecentAnswers reattribute(FixedKeyRecord<String, ContactEvent> record, long at, RecentInteractions updated,
            RecentAnswers remembered, long oldest) {
        if (remembered.items().isEmpty()) {
            return remembered;
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
        return new RecentAnswers(items).bounded(oldest, config.historyMaxInteractions());
    }
}

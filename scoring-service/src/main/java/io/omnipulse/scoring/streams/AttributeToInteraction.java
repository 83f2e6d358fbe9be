package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.InteractionRef;
import io.omnipulse.scoring.domain.RecentInteractions;
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
 */
class AttributeToInteraction implements FixedKeyProcessor<String, ContactEvent, Attributed> {

    /** The one key of the clock store; the store is per task, so this is the task's clock. */
    static final String CLOCK = "clock";

    private final ScoringConfig config;
    private final ScoringMetrics metrics;
    private FixedKeyProcessorContext<String, Attributed> context;
    private KeyValueStore<String, Long> clock;
    private KeyValueStore<String, RecentInteractions> history;

    AttributeToInteraction(ScoringConfig config, ScoringMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Attributed> context) {
        this.context = context;
        this.clock = context.getStateStore(ScoringTopology.EVENT_CLOCK_STORE);
        this.history = context.getStateStore(ScoringTopology.RECENT_INTERACTIONS_STORE);
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
        RecentInteractions recent = history.get(record.key());
        recent = recent == null ? RecentInteractions.NONE : recent;
        if (!event.isFeedback()) {
            history.put(record.key(), recent.with(InteractionRef.of(event), config.historyRetention(),
                    config.historyMaxInteractions()));
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
        context.forward(record.withValue(new Attributed(rated == null ? event : rated.attribute(event), late)));
    }
}

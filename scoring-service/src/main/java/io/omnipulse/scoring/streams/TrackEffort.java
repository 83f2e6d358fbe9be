package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.EffortFormula;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.InteractionRef;
import io.omnipulse.scoring.domain.RecentInteractions;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per customer: recomputes the effort index from the recent interactions (the store that
 * {@link AttributeToInteraction} has just updated for this very event) and adds CES answers.
 * Forwards the change when the state changed. Deterministic in event time: the index depends on
 * which interactions are known, not on the order they came in.
 */
class TrackEffort implements FixedKeyProcessor<String, Attributed, EffortChange> {

    private final EffortFormula formula;
    private FixedKeyProcessorContext<String, EffortChange> context;
    private KeyValueStore<String, RecentInteractions> history;
    private KeyValueStore<String, EffortState> effort;

    TrackEffort(EffortFormula formula) {
        this.formula = formula;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EffortChange> context) {
        this.context = context;
        this.history = context.getStateStore(ScoringTopology.RECENT_INTERACTIONS_STORE);
        this.effort = context.getStateStore(ScoringTopology.EFFORT_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Attributed> record) {
        EffortState stored = effort.get(record.key());
        EffortState before = stored == null ? EffortState.NONE : stored;
        EffortState after;
        if (record.value().event().isFeedback()) {
            after = before.withAnswer(record.value().event().feedback());
        } else {
            RecentInteractions recent = history.get(record.key());
            List<InteractionRef> items = recent == null ? List.of() : recent.items();
            if (items.isEmpty()) {
                return;
            }
            after = before.withIndex(formula.of(items), items.get(items.size() - 1));
        }
        if (!after.equals(before)) {
            effort.put(record.key(), after);
            context.forward(record.withValue(new EffortChange(before, after)));
        }
    }
}

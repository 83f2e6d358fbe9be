package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.EffortFormula;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.InteractionRef;
import io.omnipulse.scoring.domain.RecentAnswers;
import io.omnipulse.scoring.domain.RecentInteractions;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per survivor (the record key): adds a merged customer's interactions, remembered answers, seen event
 * ids and CES answers to the survivor's, and recomputes its effort index over both customers'
 * interactions. The answers keep what they are counted for; the survivor's next interaction may
 * re-attribute them ({@link AttributeToInteraction}), which also drops those that are too old by then.
 * Forwards the effort change when there is one, like {@link TrackEffort}.
 */
class FoldInMerged implements FixedKeyProcessor<String, MergeFold, EffortChange> {

    private final ScoringConfig config;
    private final EffortFormula formula;
    private FixedKeyProcessorContext<String, EffortChange> context;
    private KeyValueStore<String, RecentInteractions> history;
    private KeyValueStore<String, RecentAnswers> answers;
    private KeyValueStore<String, EffortState> effort;
    private KeyValueStore<String, Long> seen;

    FoldInMerged(ScoringConfig config, EffortFormula formula) {
        this.config = config;
        this.formula = formula;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EffortChange> context) {
        this.context = context;
        this.history = context.getStateStore(ScoringTopology.RECENT_INTERACTIONS_STORE);
        this.answers = context.getStateStore(ScoringTopology.RECENT_ANSWERS_STORE);
        this.effort = context.getStateStore(ScoringTopology.EFFORT_STORE);
        this.seen = context.getStateStore(ScoringTopology.SEEN_EVENTS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, MergeFold> record) {
        String survivor = record.key();
        CustomerFold fold = record.value().customer();
        fold.seen().forEach((dedupKey, firstSeen) -> {
            String key = DropDuplicates.seenKey(survivor, dedupKey);
            Long known = seen.get(key);
            seen.put(key, known == null ? firstSeen : Math.min(known, firstSeen));
        });
        RecentInteractions mine = history.get(survivor);
        List<InteractionRef> items = (mine == null ? RecentInteractions.NONE : mine)
                .plus(fold.interactions(), config.historyRetention(), config.historyMaxInteractions()).items();
        if (!items.isEmpty()) {
            history.put(survivor, new RecentInteractions(items));
        }
        if (!fold.answers().items().isEmpty()) {
            RecentAnswers remembered = answers.get(survivor);
            answers.put(survivor, (remembered == null ? RecentAnswers.NONE : remembered)
                    .plus(fold.answers(), Long.MIN_VALUE, config.historyMaxInteractions()));
        }
        EffortState stored = effort.get(survivor);
        EffortState before = stored == null ? EffortState.NONE : stored;
        EffortState after = before.withAnswersOf(fold.effort());
        if (!items.isEmpty()) {
            after = after.withIndex(formula.of(items), items.get(items.size() - 1));
        }
        if (!after.equals(before)) {
            effort.put(survivor, after);
            context.forward(record.withValue(new EffortChange(before, after)));
        }
    }
}

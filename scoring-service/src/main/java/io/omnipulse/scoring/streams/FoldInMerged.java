package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.EffortFormula;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.RecentAnswers;
import io.omnipulse.scoring.domain.RecentInteractions;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per survivor (the record key): adds a merged customer's interactions, remembered answers, seen event
 * ids and CES answers to the survivor's, and recomputes its effort index over both customers'
 * interactions. The answers keep what they are counted for; the survivor's next interaction may
 * re-attribute them ({@link AttributeAndTrackEffort}), which also drops those that are too old by then.
 * Forwards the effort change when there is one, as {@link AttributeAndTrackEffort} does.
 */
class FoldInMerged implements FixedKeyProcessor<String, MergeFold.Customer, EffortChange> {

    private final ScoringConfig config;
    private final EffortFormula formula;
    private FixedKeyProcessorContext<String, EffortChange> context;
    private KeyValueStore<String, CustomerState> customers;
    private KeyValueStore<String, Long> seen;

    FoldInMerged(ScoringConfig config, EffortFormula formula) {
        this.config = config;
        this.formula = formula;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EffortChange> context) {
        this.context = context;
        this.customers = context.getStateStore(ScoringTopology.CUSTOMERS_STORE);
        this.seen = context.getStateStore(ScoringTopology.SEEN_EVENTS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, MergeFold.Customer> record) {
        String survivor = record.key();
        CustomerFold fold = record.value().customer();
        fold.seen().forEach((dedupKey, firstSeen) -> {
            String key = DropDuplicates.seenKey(survivor, dedupKey);
            Long known = seen.get(key);
            seen.put(key, known == null ? firstSeen : Math.min(known, firstSeen));
        });
        CustomerState before = CustomerState.orNone(customers.get(survivor));
        RecentInteractions interactions = before.interactions().plus(fold.interactions(), config.historyRetention(),
                config.historyMaxInteractions());
        RecentAnswers answers = fold.answers().items().isEmpty() ? before.answers()
                : before.answers().plus(fold.answers(), Long.MIN_VALUE, config.historyMaxInteractions());
        EffortState effort = before.effort().withAnswersOf(fold.effort()).indexedOver(interactions, formula);
        CustomerState after = new CustomerState(interactions, answers, effort);
        if (!after.equals(before)) {
            customers.put(survivor, after);
        }
        if (!effort.equals(before.effort())) {
            context.forward(record.withValue(new EffortChange(before.effort(), effort)));
        }
    }
}

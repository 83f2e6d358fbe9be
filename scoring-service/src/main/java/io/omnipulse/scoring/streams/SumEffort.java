package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.EffortAggregate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Per scope key (after the repartition): adds each customer's change to the effort aggregate. */
class SumEffort implements Processor<String, EffortAggregate, Void, Void> {

    private KeyValueStore<String, EffortAggregate> sums;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        sums = context.getStateStore(ScoringTopology.EFFORT_AGGREGATES_STORE);
    }

    @Override
    public void process(Record<String, EffortAggregate> record) {
        EffortAggregate before = sums.get(record.key());
        EffortAggregate after = (before == null ? EffortAggregate.EMPTY : before).plus(record.value());
        if (after.addsNothing()) {
            sums.delete(record.key());
        } else {
            sums.put(record.key(), after);
        }
    }
}

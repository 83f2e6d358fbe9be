package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/** One customer's effort state before and after an event changed it. */
record EffortChange(EffortState before, EffortState after) implements CustomerOutput {

    /**
     * What the change does to each scope key's aggregate: the old contribution out of the keys the
     * customer was in, the new one into the keys they are in now (one record per key, none when nil).
     */
    List<KeyValue<String, EffortAggregate>> deltas() {
        Map<String, EffortAggregate> deltas = new LinkedHashMap<>();
        EffortAggregate out = EffortAggregate.of(before);
        EffortAggregate in = EffortAggregate.of(after);
        EffortAggregate.keysOf(before).forEach(k -> deltas.merge(k, EffortAggregate.EMPTY.minus(out), EffortAggregate::plus));
        EffortAggregate.keysOf(after).forEach(k -> deltas.merge(k, in, EffortAggregate::plus));
        return deltas.entrySet().stream().filter(e -> !e.getValue().addsNothing())
                .map(e -> KeyValue.pair(e.getKey(), e.getValue())).toList();
    }
}

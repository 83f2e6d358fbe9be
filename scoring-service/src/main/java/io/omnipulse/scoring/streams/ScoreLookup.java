package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import java.util.function.LongFunction;

/**
 * What {@link ScoreQueries} finds for a scope key on its owner: its totals and a reader of its day
 * buckets (null: no answers that day).
 */
public record ScoreLookup(ScopeTotals totals, LongFunction<ScoreTally> bucket) {
}

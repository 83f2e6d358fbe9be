package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import java.util.function.LongFunction;

/** Where the tallies of a scope key live, as answered by {@link ScoreQueries}. */
public sealed interface ScoreLookup {

    /** This instance owns the key: its totals and a reader of its day buckets (null: no answers that day). */
    record Found(ScopeTotals totals, LongFunction<ScoreTally> bucket) implements ScoreLookup {
    }

    /** Another instance owns the key; ask it at host:port. */
    record FoundElsewhere(String host, int port) implements ScoreLookup {
    }

    /** This instance owns the key and no response has been counted for it yet. */
    record NotFound() implements ScoreLookup {
    }
}

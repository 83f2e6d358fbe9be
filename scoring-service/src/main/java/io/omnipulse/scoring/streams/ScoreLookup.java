package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.ScoreTally;
import java.time.Instant;

/** Where the tally of a scope key lives, as answered by {@link ScoreQueries}. */
public sealed interface ScoreLookup {

    /** This instance owns the key and has a tally; updatedAt is the time of its latest response. */
    record Found(ScoreTally tally, Instant updatedAt) implements ScoreLookup {
    }

    /** Another instance owns the key; ask it at host:port. */
    record FoundElsewhere(String host, int port) implements ScoreLookup {
    }

    /** This instance owns the key and no response has been counted for it yet. */
    record NotFound() implements ScoreLookup {
    }
}

package io.omnipulse.scoring.streams;

import io.omnipulse.events.ScoreUpdated;

/**
 * What the by-scope stage emits: a score update to publish, or a merged customer's tallies on their
 * way to its survivor (through the merge-folds topic: a sub-topology cannot feed its own repartition).
 */
record ScopeOutput(ScoreUpdated score, String survivor, MergeFold fold) {

    static ScopeOutput score(ScoreUpdated score) {
        return new ScopeOutput(score, null, null);
    }

    static ScopeOutput fold(String survivor, MergeFold fold) {
        return new ScopeOutput(null, survivor, fold);
    }
}

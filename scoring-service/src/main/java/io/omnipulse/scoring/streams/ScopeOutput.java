package io.omnipulse.scoring.streams;

import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ScoreUpdated;

/**
 * What a tally stage ({@link TallyWindows}) emits, each kind routed to its own output: a score update to
 * publish, a merged customer's tallies on their way to its survivor's partition (through the
 * merge-folds topic), a tombstone for a forgotten customer's published window (the record key), or an
 * erasure done. The last three come only from the customers' stage.
 */
sealed interface ScopeOutput {

    /** A window's scores, for cx.score-updates.v1. */
    record Score(ScoreUpdated update) implements ScopeOutput {
    }

    /** A merged customer's tallies for {@code survivor}'s scope key. */
    record ToSurvivor(String survivor, MergeFold fold) implements ScopeOutput {
    }

    /** The record key (an erased customer's window) leaves cx.score-updates.v1: a tombstone. */
    record Forgotten() implements ScopeOutput {
    }

    /** scoring-service's part of an erasure is done, for cx.erasure-progress.v1 (keyed by erasure id). */
    record ErasureDone(ErasureProgress progress) implements ScopeOutput {
    }

    static ScopeOutput score(ScoreUpdated score) {
        return new Score(score);
    }

    static ScopeOutput fold(String survivor, MergeFold fold) {
        return new ToSurvivor(survivor, fold);
    }
}

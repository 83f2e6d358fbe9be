package io.omnipulse.scoring.streams;

/**
 * What erasing a customer on its partition sends on ({@link EraseCustomer}), each kind routed only to
 * the output that handles it.
 */
sealed interface Erasure {

    /** Keyed by the customer: its effort state leaves the effort aggregates, as a merged customer's does. */
    record EffortLeft(EffortChange change) implements Erasure {
    }

    /** Keyed by the customer: a tombstone for its key on cx.effort-index.v1. */
    record IndexForgotten() implements Erasure {
    }

    /**
     * Keyed by the customer's scope key, tallied on the same partition ({@link TallyWindows}): forget it, or
     * only report a request applied before; either way after what the scope key got before.
     */
    record ToScopeKey(ScopeUpdate update) implements Erasure {
    }

    /** Keyed by an id merged into the customer, through the merge-folds topic: erase it too. */
    record MergedIdErased(MergeFold.Erase fold) implements Erasure {
    }
}

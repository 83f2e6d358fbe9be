package io.omnipulse.scoring.streams;

import java.time.Instant;

/**
 * What a scope key's tally stage gets ({@link TallyWindows}), on the customer's partition or through the
 * repartition by scope key: a response to count, a response counted before to take
 * out again (it was re-attributed to another channel, team or agent), the sum of the responses a task
 * counted (or took out) for a scope key between two commits, a merged customer's scope key to hand
 * over to its survivor, a merged customer's tallies for the survivor's scope key to absorb, or an
 * erased customer's scope key to forget. Exactly one of {@code response}, {@code survivor},
 * {@code fold} and {@code erasure} is set, as {@code kind} says.
 */
record ScopeUpdate(Kind kind, ScoredResponse response, String survivor, ScopeFold fold, Erasure erasure) {

    enum Kind {
        RESPONSE, RETRACTION, HAND_OVER, ABSORB,
        /** Responses summed per scope key until a commit ({@link SumPerScopeKey}), in {@code fold}. */
        RESPONSES,
        /** Retractions summed per scope key until a commit, in {@code fold}: the responses to take out. */
        RETRACTIONS,
        /** An erased customer's scope key: its tallies are deleted and its windows tombstoned, in {@code erasure}. */
        FORGET,
        /**
         * A request for a customer erased by it (a replay) or by a later one: nothing to delete, only the
         * request to report done, after whatever the scope key received before it, in {@code erasure}.
         */
        ALREADY_ERASED
    }

    /**
     * The erasure that reaches a customer's scope key.
     *
     * @param erasureId   the request to report done once the scope key is forgotten; null when the
     *                    customer is a merged id of the erased one (the request is reported by the survivor's)
     * @param requestedAt when the request was made, as published (exact, for the progress record)
     * @param erased      entries the customer's partition deleted; the scope key adds its own
     */
    record Erasure(String erasureId, Instant requestedAt, long erased) {
    }

    static ScopeUpdate response(ScoredResponse response) {
        return new ScopeUpdate(Kind.RESPONSE, response, null, null, null);
    }

    /** Takes out a response counted before for this scope key; it keeps its day and late flag. */
    static ScopeUpdate retraction(ScoredResponse response) {
        return new ScopeUpdate(Kind.RETRACTION, response, null, null, null);
    }

    static ScopeUpdate responses(ScopeFold sum) {
        return new ScopeUpdate(Kind.RESPONSES, null, null, sum, null);
    }

    static ScopeUpdate retractions(ScopeFold sum) {
        return new ScopeUpdate(Kind.RETRACTIONS, null, null, sum, null);
    }

    static ScopeUpdate handOver(String survivor) {
        return new ScopeUpdate(Kind.HAND_OVER, null, survivor, null, null);
    }

    static ScopeUpdate absorb(ScopeFold fold) {
        return new ScopeUpdate(Kind.ABSORB, null, null, fold, null);
    }

    static ScopeUpdate forget(Erasure erasure) {
        return new ScopeUpdate(Kind.FORGET, null, null, null, erasure);
    }

    static ScopeUpdate alreadyErased(Erasure erasure) {
        return new ScopeUpdate(Kind.ALREADY_ERASED, null, null, null, erasure);
    }

    /** Whether {@code erasure} is set (the two erasure kinds). */
    boolean isErasure() {
        return kind == Kind.FORGET || kind == Kind.ALREADY_ERASED;
    }
}

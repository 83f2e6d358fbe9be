package io.omnipulse.scoring.streams;

/**
 * A record on the repartition by scope key: a response to count, a response counted before to take
 * out again (it was re-attributed to another channel, team or agent), the sum of the responses a task
 * counted (or took out) for a scope key between two commits, a merged customer's scope key to hand
 * over to its survivor, or a merged customer's tallies for the survivor's scope key to absorb.
 * Exactly one of {@code response}, {@code survivor} and {@code fold} is set, as {@code kind} says.
 */
record ScopeUpdate(Kind kind, ScoredResponse response, String survivor, ScopeFold fold) {

    enum Kind {
        RESPONSE, RETRACTION, HAND_OVER, ABSORB,
        /** Responses summed per scope key until a commit ({@link SumPerScopeKey}), in {@code fold}. */
        RESPONSES,
        /** Retractions summed per scope key until a commit, in {@code fold}: the responses to take out. */
        RETRACTIONS
    }

    static ScopeUpdate response(ScoredResponse response) {
        return new ScopeUpdate(Kind.RESPONSE, response, null, null);
    }

    /** Takes out a response counted before for this scope key; it keeps its day and late flag. */
    static ScopeUpdate retraction(ScoredResponse response) {
        return new ScopeUpdate(Kind.RETRACTION, response, null, null);
    }

    static ScopeUpdate responses(ScopeFold sum) {
        return new ScopeUpdate(Kind.RESPONSES, null, null, sum);
    }

    static ScopeUpdate retractions(ScopeFold sum) {
        return new ScopeUpdate(Kind.RETRACTIONS, null, null, sum);
    }

    static ScopeUpdate handOver(String survivor) {
        return new ScopeUpdate(Kind.HAND_OVER, null, survivor, null);
    }

    static ScopeUpdate absorb(ScopeFold fold) {
        return new ScopeUpdate(Kind.ABSORB, null, null, fold);
    }
}

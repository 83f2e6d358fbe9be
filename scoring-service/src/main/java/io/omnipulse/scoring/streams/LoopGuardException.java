package io.omnipulse.scoring.streams;

/**
 * A record went round the merge-folds topic more often than any legitimate path needs: a merge
 * cycle. Thrown, not forwarded, so that the processing exception handler sends the record to the
 * dead-letter topic and the loop ends there.
 */
public class LoopGuardException extends RuntimeException {

    public LoopGuardException(String topic, int hops, int maxHops) {
        super("record on " + topic + " made " + hops + " hops, more than the " + maxHops + " allowed: a merge cycle");
    }
}

package io.omnipulse.streamsupport;

/**
 * A record went round a service's internal loop topic (profile's identity loop, scoring's merge
 * folds) more often than any legitimate path needs: a cycle. Thrown, not forwarded, so that the
 * processing exception handler sends the record to the dead-letter topic and the loop ends there.
 */
public class LoopGuardException extends RuntimeException {

    public LoopGuardException(String topic, int hops, int maxHops) {
        super("record on " + topic + " made " + hops + " hops, more than the " + maxHops + " allowed: a cycle");
    }
}

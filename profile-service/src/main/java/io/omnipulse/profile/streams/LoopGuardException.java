package io.omnipulse.profile.streams;

/**
 * A message went round the identity loop more often than any legitimate path of identity resolution
 * needs: a cycle. Thrown, not forwarded, so that the processing exception handler sends the record
 * to the dead-letter topic and the loop ends there.
 */
public class LoopGuardException extends RuntimeException {

    public LoopGuardException(String topic, int hops, int maxHops) {
        super("record on " + topic + " made " + hops + " hops, more than the " + maxHops + " allowed: a loop");
    }
}

package io.omnipulse.devstack.deadletters;

import io.omnipulse.events.DeadLetters.Origin;
import java.time.Instant;

/**
 * Which dead letters an operator means: every criterion is optional (null = any). Offsets are the
 * source record's, inclusive, and only make sense with one source topic and partition.
 */
public record DeadLetterSelection(String service, String sourceTopic, Integer sourcePartition,
                                  Long fromOffset, Long toOffset, Instant since, Instant until) {

    public static final DeadLetterSelection ALL = new DeadLetterSelection(null, null, null, null, null, null, null);

    public boolean matches(Origin o) {
        return (service == null || service.equals(o.service()))
                && (sourceTopic == null || sourceTopic.equals(o.sourceTopic()))
                && (sourcePartition == null || sourcePartition == o.sourcePartition())
                && (fromOffset == null || o.sourceOffset() >= fromOffset)
                && (toOffset == null || o.sourceOffset() <= toOffset)
                && (since == null || !o.failedAt().isBefore(since))
                && (until == null || o.failedAt().isBefore(until));
    }

    DeadLetterSelection withService(String s) {
        return new DeadLetterSelection(s, sourceTopic, sourcePartition, fromOffset, toOffset, since, until);
    }

    DeadLetterSelection withSourceTopic(String t) {
        return new DeadLetterSelection(service, t, sourcePartition, fromOffset, toOffset, since, until);
    }

    DeadLetterSelection withSourcePartition(int p) {
        return new DeadLetterSelection(service, sourceTopic, p, fromOffset, toOffset, since, until);
    }

    DeadLetterSelection withOffsets(long from, long to) {
        return new DeadLetterSelection(service, sourceTopic, sourcePartition, from, to, since, until);
    }

    DeadLetterSelection withSince(Instant t) {
        return new DeadLetterSelection(service, sourceTopic, sourcePartition, fromOffset, toOffset, t, until);
    }

    DeadLetterSelection withUntil(Instant t) {
        return new DeadLetterSelection(service, sourceTopic, sourcePartition, fromOffset, toOffset, since, t);
    }
}

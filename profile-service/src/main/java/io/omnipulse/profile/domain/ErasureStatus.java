package io.omnipulse.profile.domain;

import io.omnipulse.events.ErasureProgress;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an erasure stands: the fold of its {@link ErasureProgress} records, in any order.
 *
 * @param completed when each step (the request, then each service) finished
 * @param erased    how many entries or rows each service erased
 */
public record ErasureStatus(String erasureId, String customerId, Instant requestedAt, Map<String, Instant> completed,
        Map<String, Long> erased) {

    public ErasureStatus {
        completed = completed == null ? Map.of() : Map.copyOf(completed);
        erased = erased == null ? Map.of() : Map.copyOf(erased);
    }

    /** This status with {@code progress} folded in; {@code current} may be null. */
    public static ErasureStatus fold(ErasureStatus current, ErasureProgress progress) {
        Map<String, Instant> completed = new TreeMap<>(current == null ? Map.of() : current.completed());
        Map<String, Long> erased = new TreeMap<>(current == null ? Map.of() : current.erased());
        completed.put(progress.step(), progress.completedAt());
        erased.put(progress.step(), progress.erased());
        String customerId = current != null && current.customerId() != null ? current.customerId() : progress.customerId();
        Instant requestedAt = current != null && current.requestedAt() != null ? current.requestedAt()
                : progress.requestedAt();
        return new ErasureStatus(progress.erasureId(), customerId, requestedAt, completed, erased);
    }
}

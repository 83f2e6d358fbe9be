package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.domain.Window;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The trailing-window sums (7, 30 and 90 days) of the scope keys a by-scope task counted in lately,
 * kept in step with their day buckets, so that a response to a busy scope key (global, a channel, a
 * team) adds to three sums instead of re-reading up to 90 buckets. Exact: counts are additive, so a
 * bucket changed by one answer changes every window that covers its day by that same answer.
 *
 * <p>A derived cache, never the truth: it lives in the processor (made afresh by each {@code init},
 * so after a restore or a rebalance it starts empty) and is filled from the buckets store on a miss.
 * Sums are remembered for one end day; when a scope key's windows end on another day they are summed
 * from the store again (a prefix scan, once per scope key and day). Whatever changes buckets other
 * than one answer (a merge, a purge, a failure half-way through an update) forgets them instead.
 * Bounded: the least recently used scope keys are forgotten beyond {@code capacity}.
 */
final class TrailingSums {

    private record Sums(long endDay, Map<Window, ScoreTally> windows) {
    }

    private final Map<String, Sums> recent;

    TrailingSums(int capacity) {
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Sums> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The sums of the trailing windows of {@code scopeKey} ending with {@code endDay}; on a miss (or for
     * another end day) those that {@code summed} computes from the buckets, then remembered.
     */
    Map<Window, ScoreTally> at(String scopeKey, long endDay, Function<Long, Map<Window, ScoreTally>> summed) {
        Sums sums = recent.get(scopeKey);
        if (sums == null || sums.endDay() != endDay) {
            sums = new Sums(endDay, summed.apply(endDay));
            recent.put(scopeKey, sums);
        }
        return sums.windows();
    }

    /**
     * The bucket of {@code scopeKey} and {@code day} changed by {@code change} (one answer counted or
     * taken out): so does each remembered window that covers that day.
     */
    void bucketChanged(String scopeKey, long day, UnaryOperator<ScoreTally> change) {
        Sums sums = recent.get(scopeKey);
        if (sums == null) {
            return;
        }
        Map<Window, ScoreTally> windows = new EnumMap<>(sums.windows());
        for (Window window : Window.TRAILING) {
            if (window.covers(day, sums.endDay())) {
                windows.put(window, change.apply(windows.get(window)));
            }
        }
        recent.put(scopeKey, new Sums(sums.endDay(), windows));
    }

    /** Forgets the sums of one scope key (its buckets changed otherwise than by one answer). */
    void forget(String scopeKey) {
        recent.remove(scopeKey);
    }

    /** Forgets all sums (buckets were purged). */
    void forgetAll() {
        recent.clear();
    }
}

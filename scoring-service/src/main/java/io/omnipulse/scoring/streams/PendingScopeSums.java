package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.ScoreTally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The responses that {@link SumPerScopeKey} has counted and taken out per scope key and not yet
 * passed on, as two sums per key (counted, retracted), at most {@code capacity} keys. A key already
 * held always takes one more; a new key beyond the capacity is refused, and its caller passes that
 * response on at once instead: memory stays bounded, and no response is lost, only summed less.
 */
final class PendingScopeSums {

    /** A sum of responses in the form a scope key adds up ({@link ScopeFold}), built one response at a time. */
    private static final class Sum {
        private ScoreTally all = ScoreTally.EMPTY;
        private long late;
        private long latestOccurredAt = Long.MIN_VALUE;
        private final Map<Long, ScoreTally> days = new HashMap<>();

        void add(ScoredResponse response) {
            ScoreTally one = ScoreTally.EMPTY.add(response.feedback());
            all = all.plus(one);
            latestOccurredAt = Math.max(latestOccurredAt, response.occurredAt());
            if (response.late()) {
                late++;
            } else {
                days.merge(DayBuckets.dayOf(response.occurredAt()), one, ScoreTally::plus);
            }
        }

        ScopeFold toFold() {
            return new ScopeFold(all, late, latestOccurredAt, days);
        }
    }

    private static final class Held {
        private Sum counted;
        private Sum retracted;
    }

    private final PendingPerKey<Held> held;

    PendingScopeSums(int capacity) {
        this.held = new PendingPerKey<>(capacity);
    }

    /**
     * Adds a response to count ({@code retraction} false) or to take out to the sums of {@code key};
     * false (nothing held) when a new key finds the sums full.
     */
    boolean offer(String key, ScoredResponse response, boolean retraction) {
        Held sums = held.holding(key, Held::new);
        if (sums == null) {
            return false;
        }
        if (retraction) {
            sums.retracted = sums.retracted == null ? new Sum() : sums.retracted;
            sums.retracted.add(response);
        } else {
            sums.counted = sums.counted == null ? new Sum() : sums.counted;
            sums.counted.add(response);
        }
        return true;
    }

    /**
     * What is held for {@code key}, no longer held: the counted responses first, then the retracted
     * ones (each a response counted before, so the scope key's counts never go below zero on the way);
     * empty when nothing is held.
     */
    List<ScopeUpdate> take(String key) {
        Held sums = held.take(key);
        List<ScopeUpdate> updates = new ArrayList<>(2);
        if (sums != null && sums.counted != null) {
            updates.add(ScopeUpdate.responses(sums.counted.toFold()));
        }
        if (sums != null && sums.retracted != null) {
            updates.add(ScopeUpdate.retractions(sums.retracted.toFold()));
        }
        return updates;
    }

    int size() {
        return held.size();
    }

    void clear() {
        held.clear();
    }
}

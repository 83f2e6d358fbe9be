package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.ScoreTally;
import java.util.Map;

/**
 * Tallies to add to (or take out of) one scope key: a merged customer's customer-scope tallies on
 * their way to the survivor's scope key, or the responses one task counted for a scope key between
 * two commits ({@link SumPerScopeKey}). Counts are additive, so the scope key ends up as if each
 * response had come to it on its own.
 *
 * @param all        the all-time tally
 * @param lateEvents responses that came after the grace period (in {@code all}, in no day bucket)
 * @param updatedAt  event time (epoch millis) to move the scope key's task clock on to: the merged
 *                   scope key's clock when it last changed, or the latest response's time
 * @param buckets    epoch day -> the tally of that day
 */
record ScopeFold(ScoreTally all, long lateEvents, long updatedAt, Map<Long, ScoreTally> buckets) {

    ScopeFold {
        all = all == null ? ScoreTally.EMPTY : all;
        buckets = buckets == null ? Map.of() : Map.copyOf(buckets);
    }

    /** One response: in "all", and in its day's bucket unless it came late. */
    static ScopeFold of(ScoredResponse response) {
        ScoreTally one = ScoreTally.EMPTY.add(response.feedback());
        return new ScopeFold(one, response.late() ? 1 : 0, response.occurredAt(),
                response.late() ? Map.of() : Map.of(DayBuckets.dayOf(response.occurredAt()), one));
    }
}

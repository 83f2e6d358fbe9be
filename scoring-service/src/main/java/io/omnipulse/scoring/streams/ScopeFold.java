package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.ScoreTally;
import java.util.Map;

/**
 * A merged customer's customer-scope tallies, taken from its scope key and added to the survivor's:
 * counts are additive, so the survivor ends up as if every response had been keyed by it.
 *
 * @param all        the all-time tally
 * @param lateEvents responses that came after the grace period
 * @param updatedAt  event-time clock (epoch millis) of the merged scope key's task when it last changed
 * @param buckets    epoch day -> the tally of that day
 */
record ScopeFold(ScoreTally all, long lateEvents, long updatedAt, Map<Long, ScoreTally> buckets) {

    ScopeFold {
        all = all == null ? ScoreTally.EMPTY : all;
        buckets = buckets == null ? Map.of() : Map.copyOf(buckets);
    }
}

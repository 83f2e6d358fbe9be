package io.omnipulse.scoring.domain;

/**
 * What a scope key keeps besides its day buckets.
 *
 * @param all           every response ever counted, including those too late for their day bucket
 * @param lateEvents    responses that came after the grace period: in {@code all}, in no trailing window
 * @param windowEndDay  the day the trailing windows were last published for (null before the first)
 * @param updatedAt     event-time clock (epoch millis) of this scope's task when it last changed
 */
public record ScopeTotals(ScoreTally all, long lateEvents, Long windowEndDay, long updatedAt) {

    public static final ScopeTotals EMPTY = new ScopeTotals(ScoreTally.EMPTY, 0, null, 0);

    public ScopeTotals {
        all = all == null ? ScoreTally.EMPTY : all;
    }
}

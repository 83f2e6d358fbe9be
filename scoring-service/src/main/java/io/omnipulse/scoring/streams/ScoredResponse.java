package io.omnipulse.scoring.streams;

import io.omnipulse.events.FeedbackDetails;

/** One response on its way to one scope key's tallies (the repartition by scope key). */
record ScoredResponse(FeedbackDetails feedback, long occurredAt, boolean late) {
}

package io.omnipulse.scoring.streams;

import io.omnipulse.events.FeedbackDetails;

/** One response for one scope key's tallies (in a {@link ScopeUpdate}). */
record ScoredResponse(FeedbackDetails feedback, long occurredAt, boolean late) {
}

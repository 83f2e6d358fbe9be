package io.omnipulse.scoring.streams;

/** What {@link AttributeAndTrackEffort} sends on for one event: answers to count, and the customer's effort change. */
sealed interface CustomerOutput permits Attributed, EffortChange {
}

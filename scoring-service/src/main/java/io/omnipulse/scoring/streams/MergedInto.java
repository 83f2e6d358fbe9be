package io.omnipulse.scoring.streams;

/**
 * A merged customer id's survivor, kept on the merged id's partition.
 *
 * @param mergedAt wall-clock millis when the merge was folded (the retention runs from it)
 */
record MergedInto(String survivor, long mergedAt) {
}

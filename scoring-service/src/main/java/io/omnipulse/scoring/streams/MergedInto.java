package io.omnipulse.scoring.streams;

/**
 * A merged customer id's survivor, kept on the merged id's partition.
 *
 * @param mergedAt  wall-clock millis when the merge was folded (the retention runs from it)
 * @param mergeTime when profile-service made the merge ({@code CustomersMerged.mergedAt}, epoch millis),
 *                  to tell a stale pointer from a newer merge; null in pointers stored before it was kept
 */
record MergedInto(String survivor, long mergedAt, Long mergeTime) {

    /** Whether a merge made at {@code time} (epoch millis, null if unknown) is newer than this pointer. */
    boolean olderThan(Long time) {
        return time != null && (mergeTime == null || mergeTime < time);
    }
}

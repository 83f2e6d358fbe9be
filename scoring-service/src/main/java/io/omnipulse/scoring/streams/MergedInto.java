package io.omnipulse.scoring.streams;

/**
 * A merged customer id's survivor, kept on the merged id's partition; or, with no survivor, the word
 * that the id lives again (profile-service said so, or a newer merge made it a survivor), so that a
 * merge older than that, arriving late, does not merge it again.
 *
 * @param survivor  the survivor; null once the id lives again
 * @param mergedAt  wall-clock millis when this was stored (the retention runs from it)
 * @param mergeTime when profile-service made the merge, or said the id lives ({@code CustomersMerged.mergedAt},
 *                  epoch millis), to tell a stale pointer from a newer merge; null when not known
 */
record MergedInto(String survivor, long mergedAt, Long mergeTime) {

    static MergedInto livesAgain(long now, Long since) {
        return new MergedInto(null, now, since);
    }

    /** Whether this points at a survivor (false: the id lives again). */
    boolean pointsOn() {
        return survivor != null;
    }

    /** Whether a merge made at {@code time} (epoch millis, null if unknown) is newer than this. */
    boolean olderThan(Long time) {
        return time != null && (mergeTime == null || mergeTime < time);
    }

    /** Whether a merge made at {@code time} is older than this (unknown times are never older). */
    boolean newerThan(Long time) {
        return time != null && mergeTime != null && time < mergeTime;
    }
}

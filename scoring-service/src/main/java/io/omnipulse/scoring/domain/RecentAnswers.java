package io.omnipulse.scoring.domain;

import io.omnipulse.events.ContactEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A customer's answers that an interaction still on its way could be about, each with the
 * interaction it is counted for, in event-time order (ties in arrival order). Bounded: answers before
 * {@code oldest} are dropped, and at most a maximum (the newest) are kept.
 */
public record RecentAnswers(List<Remembered> items) {

    public static final RecentAnswers NONE = new RecentAnswers(List.of());

    /**
     * One counted answer, as it came (its own channel, team and agent), whether it was late, and the
     * interaction it is counted for (null: none, it counts for its own).
     */
    public record Remembered(ContactEvent answer, boolean late, InteractionRef rated) {

        public long at() {
            return answer.occurredAt().toEpochMilli();
        }

        /** The answer as counted: with the channel, team and agent of the interaction it rates. */
        public ContactEvent counted() {
            return rated == null ? answer : rated.attribute(answer);
        }
    }

    public RecentAnswers {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public RecentAnswers with(Remembered added, long oldest, int max) {
        List<Remembered> sorted = new ArrayList<>(items);
        int at = sorted.size();
        while (at > 0 && sorted.get(at - 1).at() > added.at()) {
            at--;
        }
        sorted.add(at, added);
        return new RecentAnswers(sorted).bounded(oldest, max);
    }

    /** Both customers' answers as one list, bounded as by {@link #with}: what a survivor remembers after a merge. */
    public RecentAnswers plus(RecentAnswers other, long oldest, int max) {
        List<Remembered> all = new ArrayList<>(items);
        all.addAll(other.items);
        // Stable: ties keep this customer's answers first, then the other's.
        all.sort(Comparator.comparingLong(Remembered::at));
        return new RecentAnswers(all).bounded(oldest, max);
    }

    /** These answers without those before {@code oldest}, and only the newest {@code max} of them. */
    public RecentAnswers bounded(long oldest, int max) {
        List<Remembered> kept = new ArrayList<>(items);
        kept.removeIf(r -> r.at() < oldest);
        return new RecentAnswers(kept.subList(Math.max(0, kept.size() - max), kept.size()));
    }
}

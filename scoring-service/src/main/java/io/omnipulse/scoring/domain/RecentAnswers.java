package io.omnipulse.scoring.domain;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.FeedbackDetails;
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

        /**
         * This answer as it is remembered: with only what counting and re-attributing it read (ids, time,
         * channel, conversation, agent, team, metric, score, scale, rated conversation). The customer's
         * identifiers, the comment and the interaction details stay out of the store and its changelog:
         * personal data that scoring has no use for, and most of the bytes read and written per event.
         */
        public Remembered forCounting() {
            FeedbackDetails f = answer.feedback();
            ContactEvent bare = new ContactEvent(answer.eventId(), answer.source(), answer.type(), answer.channel(),
                    answer.occurredAt(), null, answer.conversationId(), answer.agentId(), answer.team(), null,
                    f == null ? null : new FeedbackDetails(f.metric(), f.score(), f.scale(), null, f.ratesConversationId()),
                    null);
            return new Remembered(bare, late, rated);
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

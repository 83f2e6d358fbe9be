package io.omnipulse.scoring.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's latest interactions in event-time order (ties in arrival order), bounded: those
 * older than the retention before the newest one are dropped, and at most a maximum are kept.
 */
public record RecentInteractions(List<InteractionRef> items) {

    public static final RecentInteractions NONE = new RecentInteractions(List.of());

    public RecentInteractions {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public RecentInteractions with(InteractionRef added, Duration retention, int max) {
        List<InteractionRef> sorted = new ArrayList<>(items);
        int at = sorted.size();
        while (at > 0 && sorted.get(at - 1).at() > added.at()) {
            at--;
        }
        sorted.add(at, added);
        long cutoff = sorted.get(sorted.size() - 1).at() - retention.toMillis();
        sorted.removeIf(i -> i.at() < cutoff);
        return new RecentInteractions(sorted.subList(Math.max(0, sorted.size() - max), sorted.size()));
    }

    /**
     * Both customers' interactions as one history, bounded as by {@link #with}: what a survivor
     * knows after another customer was merged into it (same result as adding them one by one).
     */
    public RecentInteractions plus(RecentInteractions other, Duration retention, int max) {
        RecentInteractions merged = this;
        for (InteractionRef item : other.items) {
            merged = merged.with(item, retention, max);
        }
        return merged;
    }

    /**
     * The interaction a survey answer rates, among those at or before the answer and at most
     * {@code horizon} before it: the latest one of {@code conversationId} when there is one, else the
     * latest one; null when there is none (the answer then keeps its own channel, team and agent).
     * Bounded in event time on both sides: an interaction that arrives after the answer changes what
     * it rates only if it lies in that span (see AttributeAndTrackEffort).
     */
    public InteractionRef rated(String conversationId, long answeredAt, Duration horizon) {
        long earliest = answeredAt - horizon.toMillis();
        InteractionRef latest = null;
        for (int i = items.size() - 1; i >= 0; i--) {
            InteractionRef candidate = items.get(i);
            if (candidate.at() < earliest) {
                break;
            }
            if (candidate.at() > answeredAt) {
                continue;
            }
            if (conversationId == null || conversationId.equals(candidate.conversationId())) {
                return candidate;
            }
            latest = latest == null ? candidate : latest;
        }
        return latest;
    }
}

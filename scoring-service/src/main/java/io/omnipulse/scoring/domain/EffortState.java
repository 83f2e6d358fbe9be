package io.omnipulse.scoring.domain;

import io.omnipulse.events.Channel;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import java.util.List;
import java.util.Set;

/**
 * What scoring knows of one customer's effort: the behavioural index (null before their first
 * interaction) with its drivers, where their latest contact happened (for the per channel and team
 * means) and their CES answers (to check the index against what they said).
 *
 * @param signals   the signals that gave the index points; none in a state stored before they were
 *                  kept, until the customer's next interaction recomputes it
 * @param updatedAt event time (epoch millis) of the latest interaction the index was computed from
 * @param easeSum   sum of the ease (0..100) of the customer's CES responses
 */
public record EffortState(Integer index, List<String> drivers, Set<EffortSignal> signals, long updatedAt,
        Channel channel, String team, long cesN, double easeSum) {

    public static final EffortState NONE = new EffortState(null, List.of(), Set.of(), 0, null, null, 0, 0);

    public EffortState {
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
        signals = EffortSignal.copyOf(signals);
    }

    /**
     * This state with its index computed over {@code interactions} and their latest one's time, channel
     * and team; unchanged when there are none.
     */
    public EffortState indexedOver(RecentInteractions interactions, EffortFormula formula) {
        List<InteractionRef> items = interactions.items();
        if (items.isEmpty()) {
            return this;
        }
        EffortFormula.Result result = formula.of(items);
        InteractionRef latest = items.get(items.size() - 1);
        return new EffortState(result.index(), result.drivers(), result.signals(), latest.at(), latest.channel(),
                latest.team(), cesN, easeSum);
    }

    /** This state plus one CES response; any other answer leaves it unchanged. */
    public EffortState withAnswer(FeedbackDetails feedback) {
        if (feedback.metric() != Metric.CES || !ScoreTally.isResponse(feedback)) {
            return this;
        }
        return new EffortState(index, drivers, signals, updatedAt, channel, team, cesN + 1, easeSum + ease(feedback));
    }

    /** This state plus the CES responses of another customer (merged into this one). */
    public EffortState withAnswersOf(EffortState other) {
        if (other.cesN == 0) {
            return this;
        }
        return new EffortState(index, drivers, signals, updatedAt, channel, team, cesN + other.cesN,
                easeSum + other.easeSum);
    }

    /** The customer's mean ease (0 hardest .. 100 easiest), null without CES responses. */
    public Double meanEase() {
        return cesN == 0 ? null : easeSum / cesN;
    }

    /** Whether the index or its drivers differ, i.e. whether an EffortIndexUpdated is due. */
    public boolean indexDiffers(EffortState other) {
        return !java.util.Objects.equals(index, other.index) || !drivers.equals(other.drivers);
    }

    /** Ease of one CES response, linear over its own scale and direction (as in {@link CesCounts}). */
    static double ease(FeedbackDetails feedback) {
        Scale scale = ScoreTally.scaleOf(feedback);
        int steps = Boolean.FALSE.equals(scale.higherIsBetter()) ? scale.max() - feedback.score()
                : feedback.score() - scale.min();
        return 100.0 * steps / (scale.max() - scale.min());
    }
}

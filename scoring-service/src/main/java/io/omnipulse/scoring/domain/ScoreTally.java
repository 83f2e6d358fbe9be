package io.omnipulse.scoring.domain;

import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Scale;
import io.omnipulse.events.ScoreUpdated;
import java.time.Instant;

/**
 * Exact running counts of NPS, CES and CSAT answers for one scope and window. Immutable:
 * {@link #add} returns a new tally. Only integers are stored; scores are derived from them and
 * rounded only in {@link #toScoreUpdated}, so they never drift however many answers come in.
 */
public record ScoreTally(NpsCounts nps, CesCounts ces, CsatCounts csat) {

    /** The window of an all-time tally, as it appears in {@link ScoreUpdated#window()}. */
    public static final String ALL_TIME = "all";

    public static final ScoreTally EMPTY = new ScoreTally(NpsCounts.NONE, CesCounts.NONE, CsatCounts.NONE);

    public ScoreTally {
        nps = nps == null ? NpsCounts.NONE : nps;
        ces = ces == null ? CesCounts.NONE : ces;
        csat = csat == null ? CsatCounts.NONE : csat;
    }

    /**
     * Whether an answer is a response in its metric: it names a metric, carries a score (a null
     * score is a skipped question) and the score lies on its scale.
     */
    public static boolean isResponse(FeedbackDetails feedback) {
        if (feedback == null || feedback.metric() == null || !feedback.answered()) {
            return false;
        }
        Scale scale = scaleOf(feedback);
        return scale.max() > scale.min() && scale.contains(feedback.score());
    }

    /** Whether an answer was given but cannot be counted (a score off its scale). */
    public static boolean isInvalidAnswer(FeedbackDetails feedback) {
        return feedback != null && feedback.metric() != null && feedback.answered() && !isResponse(feedback);
    }

    /** NPS and CSAT have one fixed scale; only CES answers may state their own convention. */
    static Scale scaleOf(FeedbackDetails feedback) {
        return feedback.metric().allowsCustomScale() ? feedback.effectiveScale() : feedback.metric().defaultScale();
    }

    /** This tally plus one answer; an answer that is not a response leaves it unchanged. */
    public ScoreTally add(FeedbackDetails feedback) {
        if (!isResponse(feedback)) {
            return this;
        }
        int score = feedback.score();
        return switch (feedback.metric()) {
            case NPS -> new ScoreTally(nps.add(score), ces, csat);
            case CES -> new ScoreTally(nps, ces.add(score, scaleOf(feedback)), csat);
            case CSAT -> new ScoreTally(nps, ces, csat.add(score));
        };
    }

    /** The answers of both tallies, e.g. the day buckets that make up a window. */
    public ScoreTally plus(ScoreTally other) {
        if (other == null || other.responses() == 0) {
            return this;
        }
        if (this == EMPTY) {
            return other;
        }
        return new ScoreTally(nps.plus(other.nps), ces.plus(other.ces), csat.plus(other.csat));
    }

    /**
     * This tally without one answer that was counted in it (a retraction, when an answer moves to
     * another channel, team or agent): the exact inverse of {@link #add}.
     */
    public ScoreTally remove(FeedbackDetails feedback) {
        return minus(EMPTY.add(feedback));
    }

    /** This tally without the answers of {@code other}, which were all counted in it: the inverse of {@link #plus}. */
    public ScoreTally minus(ScoreTally other) {
        return new ScoreTally(nps.minus(other.nps), ces.minus(other.ces), csat.minus(other.csat));
    }

    /** Responses over all metrics. */
    public long responses() {
        return nps.n() + ces.n() + csat.n();
    }

    /** The presented scores; a tally without responses yields n = 0 and null scores. */
    public ScoreUpdated toScoreUpdated(ScopeKey scope, String window, Instant updatedAt) {
        return new ScoreUpdated(scope.scope().wire(), scope.key(), window,
                nps.present(), ces.present(), csat.present(), updatedAt);
    }
}

package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.RecentAnswers;
import io.omnipulse.scoring.domain.RecentInteractions;
import java.util.Map;

/**
 * A merged customer's customer-keyed state, taken from its partition and sent to the survivor's.
 *
 * @param answers its remembered answers, so that an interaction of the survivor's that arrives later
 *                can still re-attribute them
 * @param effort its effort state (only the CES answers carry over; the index is recomputed)
 * @param seen   the dedup keys ({@code source/eventId}) of its events -> wall-clock millis first seen,
 *               so that a re-send now keyed by the survivor still counts once
 */
record CustomerFold(RecentInteractions interactions, RecentAnswers answers, EffortState effort,
        Map<String, Long> seen) {

    CustomerFold {
        interactions = interactions == null ? RecentInteractions.NONE : interactions;
        answers = answers == null ? RecentAnswers.NONE : answers;
        effort = effort == null ? EffortState.NONE : effort;
        seen = seen == null ? Map.of() : Map.copyOf(seen);
    }

    boolean isEmpty() {
        return interactions.items().isEmpty() && answers.items().isEmpty() && effort.equals(EffortState.NONE) && seen.isEmpty();
    }
}

package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.RecentInteractions;
import java.util.Map;

/**
 * A merged customer's customer-keyed state, taken from its partition and sent to the survivor's.
 *
 * @param effort its effort state (only the CES answers carry over; the index is recomputed)
 * @param seen   the dedup keys ({@code source/eventId}) of its events -> wall-clock millis first seen,
 *               so that a re-send now keyed by the survivor still counts once
 */
record CustomerFold(RecentInteractions interactions, EffortState effort, Map<String, Long> seen) {

    CustomerFold {
        interactions = interactions == null ? RecentInteractions.NONE : interactions;
        effort = effort == null ? EffortState.NONE : effort;
        seen = seen == null ? Map.of() : Map.copyOf(seen);
    }

    boolean isEmpty() {
        return interactions.items().isEmpty() && effort.equals(EffortState.NONE) && seen.isEmpty();
    }
}

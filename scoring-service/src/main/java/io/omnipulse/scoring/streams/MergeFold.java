package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Topics;

/**
 * A record on {@link Topics#SCORING_MERGE_FOLDS}, keyed by the customer it is for (a survivor): an
 * event that arrived for a merged id, or part of a merged customer's state on its way to the
 * survivor. Exactly one of {@code event}, {@code customer} and {@code scope} is set, as {@code kind} says.
 *
 * @param mergedId  the merged customer the state comes from (null for an event)
 * @param mergeTime when profile-service made the merge (epoch millis), on a customer fold; it lets the
 *                  survivor's partition tell its own stale pointer from a newer merge
 * @param hops      times the record was written to the folds topic; null in records written before
 *                  it was counted (read as 0). Bounded by the loop guard.
 */
record MergeFold(Kind kind, String mergedId, ContactEvent event, CustomerFold customer, ScopeFold scope,
        Long mergeTime, Integer hops) {

    enum Kind {
        /** An event that came keyed by a merged id; it counts for the survivor as if keyed so. */
        EVENT,
        /** The merged customer's recent interactions, effort answers and seen event ids. */
        CUSTOMER,
        /** The merged customer's customer-scope tallies, to be added to the survivor's. */
        SCOPE
    }

    static MergeFold event(ContactEvent event) {
        return new MergeFold(Kind.EVENT, null, event, null, null, null, null);
    }

    static MergeFold customer(String mergedId, CustomerFold customer, Long mergeTime) {
        return new MergeFold(Kind.CUSTOMER, mergedId, null, customer, null, mergeTime, 1);
    }

    static MergeFold scope(String mergedId, ScopeFold scope) {
        return new MergeFold(Kind.SCOPE, mergedId, null, null, scope, null, 1);
    }

    int hopCount() {
        return hops == null ? 0 : hops;
    }

    /** The same record one hop further on. */
    MergeFold nextHop() {
        return new MergeFold(kind, mergedId, event, customer, scope, mergeTime, hopCount() + 1);
    }
}

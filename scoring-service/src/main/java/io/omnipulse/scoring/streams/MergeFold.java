package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Topics;

/**
 * A record on {@link Topics#SCORING_MERGE_FOLDS}, keyed by the customer it is for (a survivor): an
 * event that arrived for a merged id, or part of a merged customer's state on its way to the
 * survivor; or, keyed by a merged id, the word that the customer it was merged into was erased.
 * Exactly one of {@code event}, {@code customer} and {@code scope} is set, as {@code kind} says (none
 * for an erasure).
 *
 * @param mergedId  the merged customer the state comes from (null for an event); for an erasure, the
 *                  erased customer that the key's pointer must name for the key to be erased with it
 * @param mergeTime when profile-service made the merge (epoch millis), on a customer fold; it lets the
 *                  survivor's partition tell its own stale pointer from a newer merge. For an erasure:
 *                  the request's requestedAt (epoch millis)
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
        SCOPE,
        /**
         * The customer that the key was merged into was erased: the key (a former id of the same
         * person) is erased too if its pointer still names that customer ({@link EraseCustomer}).
         */
        ERASE
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

    /** To a merged id: {@code erased}, which its pointer may name, was erased as requested at {@code requestedAt}. */
    static MergeFold erase(String erased, long requestedAt) {
        return new MergeFold(Kind.ERASE, erased, null, null, null, requestedAt, 1);
    }

    int hopCount() {
        return hops == null ? 0 : hops;
    }

    /** The same record one hop further on. */
    MergeFold nextHop() {
        return new MergeFold(kind, mergedId, event, customer, scope, mergeTime, hopCount() + 1);
    }
}

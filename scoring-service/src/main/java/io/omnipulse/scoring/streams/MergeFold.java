package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Topics;

/**
 * A record on {@link Topics#SCORING_MERGE_FOLDS}, keyed by the customer it is for (a survivor): an
 * event that arrived for a merged id, or part of a merged customer's state on its way to the
 * survivor. Exactly one of {@code event}, {@code customer} and {@code scope} is set, as {@code kind} says.
 *
 * @param mergedId the merged customer the state comes from (null for an event)
 */
record MergeFold(Kind kind, String mergedId, ContactEvent event, CustomerFold customer, ScopeFold scope) {

    enum Kind {
        /** An event that came keyed by a merged id; it counts for the survivor as if keyed so. */
        EVENT,
        /** The merged customer's recent interactions, effort answers and seen event ids. */
        CUSTOMER,
        /** The merged customer's customer-scope tallies, to be added to the survivor's. */
        SCOPE
    }

    static MergeFold event(ContactEvent event) {
        return new MergeFold(Kind.EVENT, null, event, null, null);
    }

    static MergeFold customer(String mergedId, CustomerFold customer) {
        return new MergeFold(Kind.CUSTOMER, mergedId, null, customer, null);
    }

    static MergeFold scope(String mergedId, ScopeFold scope) {
        return new MergeFold(Kind.SCOPE, mergedId, null, null, scope);
    }
}

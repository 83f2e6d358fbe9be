package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Topics;
import java.util.Objects;

/**
 * A record on {@link Topics#SCORING_MERGE_FOLDS}, one type per kind, each with only its fields: keyed
 * by the customer it is for (a survivor), an event that arrived for a merged id or part of a merged
 * customer's state on its way to the survivor; keyed by a merged id, the word that the customer it was
 * merged into was erased. Every kind counts its {@link #hops()}, bounded by the loop guard
 * ({@link FollowMerges}).
 */
sealed interface MergeFold {

    /** Times the record was written to the folds topic: 0 for an event that has not been round yet. */
    int hops();

    /** The same record one hop further on. */
    MergeFold nextHop();

    /** An event that came keyed by a merged id; it counts for the survivor as if keyed so. */
    record Event(ContactEvent event, int hops) implements MergeFold {

        public Event {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public Event nextHop() {
            return new Event(event, hops + 1);
        }
    }

    /**
     * The merged customer's recent interactions, effort answers and seen event ids.
     *
     * @param mergedId  the merged customer the state comes from
     * @param mergeTime when profile-service made the merge (epoch millis), null when the merge did not say;
     *                  it lets the survivor's partition tell its own stale pointer from a newer merge
     */
    record Customer(String mergedId, CustomerFold customer, Long mergeTime, int hops) implements MergeFold {

        public Customer {
            Objects.requireNonNull(mergedId, "mergedId");
            Objects.requireNonNull(customer, "customer");
        }

        @Override
        public Customer nextHop() {
            return new Customer(mergedId, customer, mergeTime, hops + 1);
        }
    }

    /** The merged customer {@code mergedId}'s customer-scope tallies, to be added to the survivor's. */
    record Tallies(String mergedId, ScopeFold scope, int hops) implements MergeFold {

        public Tallies {
            Objects.requireNonNull(mergedId, "mergedId");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public Tallies nextHop() {
            return new Tallies(mergedId, scope, hops + 1);
        }
    }

    /**
     * The customer that the key was merged into was erased: the key (a former id of the same person) is
     * erased too if its pointer still names {@code erased} ({@link EraseCustomer}).
     *
     * @param requestedAt the erasure request's requestedAt (epoch millis)
     */
    record Erase(String erased, long requestedAt, int hops) implements MergeFold {

        public Erase {
            Objects.requireNonNull(erased, "erased");
        }

        @Override
        public Erase nextHop() {
            return new Erase(erased, requestedAt, hops + 1);
        }
    }

    static Event event(ContactEvent event) {
        return new Event(event, 0);
    }

    static Customer customer(String mergedId, CustomerFold customer, Long mergeTime) {
        return new Customer(mergedId, customer, mergeTime, 1);
    }

    static Tallies scope(String mergedId, ScopeFold scope) {
        return new Tallies(mergedId, scope, 1);
    }

    /** To a merged id: {@code erased}, which its pointer may name, was erased as requested at {@code requestedAt}. */
    static Erase erase(String erased, long requestedAt) {
        return new Erase(erased, requestedAt, 1);
    }
}

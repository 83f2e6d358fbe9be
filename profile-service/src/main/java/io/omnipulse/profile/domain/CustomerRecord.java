package io.omnipulse.profile.domain;

import io.omnipulse.events.CustomersMerged;
import java.util.ArrayList;
import java.util.List;

/**
 * What the profile store holds per customer id: the live profile, or, once the customer was merged,
 * a pointer to the survivor. Both remember merges (bounded) for {@code GET /v1/customers/{id}/merges}.
 *
 * @param profile    the profile; null once merged
 * @param mergedInto the survivor this id was merged into; null while live
 * @param announced  whether the merge of this id was published (an id merged before its first event
 *                   was folded is announced when that event arrives)
 * @param merges     merges into this customer (live) or the merge of this id (merged), latest last
 */
public record CustomerRecord(CustomerProfile profile, String mergedInto, boolean announced,
        List<CustomersMerged> merges) {

    public CustomerRecord {
        merges = merges == null ? List.of() : List.copyOf(merges);
    }

    public static CustomerRecord live(CustomerProfile profile, List<CustomersMerged> merges) {
        return new CustomerRecord(profile, null, false, merges);
    }

    public static CustomerRecord merged(CustomersMerged merge, boolean announced) {
        return new CustomerRecord(null, merge.survivorId(), announced, List.of(merge));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isMerged() {
        return mergedInto != null;
    }

    /** The merge of this id into its survivor, when merged. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public CustomersMerged merge() {
        return isMerged() && !merges.isEmpty() ? merges.get(merges.size() - 1) : null;
    }

    public CustomerRecord withAnnounced() {
        return new CustomerRecord(profile, mergedInto, true, merges);
    }

    public CustomerRecord withMerge(CustomersMerged merge, int max) {
        return new CustomerRecord(profile, mergedInto, announced, Bounded.append(merges, merge, max));
    }

    /** Later merges re-point an id straight at the final survivor, keeping lookups one hop long. */
    public CustomerRecord repointedTo(String survivorId) {
        List<CustomersMerged> kept = new ArrayList<>(merges);
        return new CustomerRecord(null, survivorId, announced, kept);
    }
}

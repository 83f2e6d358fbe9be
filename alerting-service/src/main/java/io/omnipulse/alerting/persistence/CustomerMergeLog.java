package io.omnipulse.alerting.persistence;

import io.omnipulse.events.CustomersMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.hibernate.query.NativeQuery;

/**
 * The customer merges applied so far (table customer_merge): each merged id points at the customer
 * it lives on now, so a chain (A into B, then B into C) is one lookup, whatever order the merges
 * came in. The merged id is the merge's idempotency key.
 */
@ApplicationScoped
public class CustomerMergeLog {

    /** The advisory lock that puts merges in a row across instances (any 64-bit number of our own). */
    static final long MERGE_LOCK = 0x6f6d6e6970756c73L;

    @Inject
    EntityManager em;

    /**
     * Waits until no other transaction is applying a merge, and holds the lock until this one ends.
     * Merges are rare, so one at a time costs nothing, and two merges of one chain (A into B on one
     * instance, B into C on another) can never miss each other's rows.
     */
    public void lockMerges() {
        em.createNativeQuery("select true from (select pg_advisory_xact_lock(?1)) locked")
                .setParameter(1, MERGE_LOCK).getSingleResult();
    }

    /**
     * Waits for a merge in progress, and keeps new ones out until this transaction ends (writers of
     * alerts do not wait for each other). A writer that took it reads every merge that committed, and
     * a merge that comes later finds what the writer stored. Without it, an answer for a customer
     * whose merge was under way was stored under the merged id after the merge had moved that id's
     * alerts, and stayed there; and a merge and a batch of events could take the same alert rows in
     * different orders and deadlock. Take it before the erasure lock, in the order erasures take both.
     */
    public void lockMergesShared() {
        em.createNativeQuery("select true from (select pg_advisory_xact_lock_shared(?1)) locked")
                .setParameter(1, MERGE_LOCK).getSingleResult();
    }

    /** Where {@code customerId} lives now: its survivor if it was merged, else itself. */
    public String survivorOf(String customerId) {
        return (String) em.createNativeQuery(
                "select coalesce((select survivor_id from customer_merge where merged_id = ?1), ?1)")
                .unwrap(NativeQuery.class).setParameter(1, customerId, String.class).getSingleResult();
    }

    /**
     * Stores the merge with {@code survivorId}, where the customer lives now; false if this merged id
     * was stored before (a replay), in which case nothing was written.
     */
    public boolean record(CustomersMerged merge, String survivorId, Instant now) {
        NativeQuery<?> q = em.createNativeQuery("""
                insert into customer_merge (merged_id, survivor_id, merged_into, linking_source, linking_event_id,
                                            occurred_at, merged_at, received_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (merged_id) do nothing
                """).unwrap(NativeQuery.class);
        // Typed binding: a null bound without a type would reach PostgreSQL as bytea.
        q.setParameter(1, merge.mergedId(), String.class);
        q.setParameter(2, survivorId, String.class);
        q.setParameter(3, merge.survivorId(), String.class);
        q.setParameter(4, merge.linkingSource(), String.class);
        q.setParameter(5, merge.linkingEventId(), String.class);
        q.setParameter(6, merge.occurredAt(), Instant.class);
        q.setParameter(7, merge.mergedAt(), Instant.class);
        q.setParameter(8, now, Instant.class);
        return q.executeUpdate() == 1;
    }

    /**
     * Forgets that {@code customerId} was merged, if that merge is older than {@code before}: the id
     * lives again (profile-service split it off, or a newer merge names it as a survivor), so its
     * answers stay its own and a merge the other way cannot form a cycle with the old pointer.
     * A pointer without a merge time is taken as older, and so is any pointer when {@code before} is
     * unknown. Returns whether a pointer was dropped.
     */
    public boolean forgetOlderThan(String customerId, Instant before) {
        NativeQuery<?> q = em.createNativeQuery(before == null
                ? "delete from customer_merge where merged_id = ?1"
                : "delete from customer_merge where merged_id = ?1 and (merged_at is null or merged_at < ?2)")
                .unwrap(NativeQuery.class);
        q.setParameter(1, customerId, String.class);
        if (before != null) {
            q.setParameter(2, before, Instant.class);
        }
        return q.executeUpdate() > 0;
    }

    /** Every customer id merged into {@code customerId}, directly or along a chain (the same person). */
    @SuppressWarnings("unchecked")
    public List<String> mergedInto(String customerId) {
        return em.createNativeQuery("select merged_id from customer_merge where survivor_id = ?1 or merged_into = ?1")
                .unwrap(NativeQuery.class).setParameter(1, customerId, String.class).getResultList();
    }

    /** Customers merged into {@code from} before now live on {@code to}: the chain stays one step. */
    public void repoint(String from, String to) {
        em.createNativeQuery("update customer_merge set survivor_id = ?2 where survivor_id = ?1")
                .unwrap(NativeQuery.class).setParameter(1, from, String.class).setParameter(2, to, String.class)
                .executeUpdate();
    }
}

package io.omnipulse.alerting.persistence;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.InteractionDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The latest interaction per conversation (table contact_seen). Upserts keep the newest by event
 * time, so a late, older event never overwrites what is known. Contacts follow customer merges:
 * a merge moves the merged id's rows to the survivor, and a contact that still arrives under a
 * merged id is stored under the survivor (customer_merge), so routing sees the person's whole history.
 */
@ApplicationScoped
public class ContactLog {

    @Inject
    EntityManager em;

    public void remember(String customerId, ContactEvent event) {
        InteractionDetails details = event.interaction();
        String conversation = event.conversationId() != null ? event.conversationId()
                : "event:" + event.dedupKey();
        NativeQuery<?> q = em.createNativeQuery("""
                insert into contact_seen (conversation_key, customer_id, channel, agent_id, team, transfers,
                                          wait_seconds, occurred_at)
                values (?1, coalesce((select survivor_id from customer_merge where merged_id = ?2), ?2),
                        ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (conversation_key) do update set
                    customer_id = excluded.customer_id, channel = excluded.channel,
                    agent_id = coalesce(excluded.agent_id, contact_seen.agent_id),
                    team = coalesce(excluded.team, contact_seen.team),
                    transfers = coalesce(excluded.transfers, contact_seen.transfers),
                    wait_seconds = coalesce(excluded.wait_seconds, contact_seen.wait_seconds),
                    occurred_at = excluded.occurred_at
                where contact_seen.occurred_at <= excluded.occurred_at
                """).unwrap(NativeQuery.class);
        // Typed binding: a null bound without a type would reach PostgreSQL as bytea.
        q.setParameter(1, conversation, String.class);
        q.setParameter(2, customerId, String.class);
        q.setParameter(3, event.channel() == null ? null : event.channel().wire(), String.class);
        q.setParameter(4, event.agentId(), String.class);
        q.setParameter(5, event.team(), String.class);
        q.setParameter(6, details == null ? null : details.transfers(), Integer.class);
        q.setParameter(7, details == null ? null : details.waitSeconds(), Integer.class);
        Instant at = event.occurredAt() != null ? event.occurredAt()
                : event.ingestedAt() != null ? event.ingestedAt() : Instant.now();
        q.setParameter(8, at, Instant.class);
        q.executeUpdate();
    }

    /** The contacts of a merged customer become the survivor's. */
    public void reassign(String mergedId, String survivorId) {
        em.createNativeQuery("update contact_seen set customer_id = ?2 where customer_id = ?1")
                .unwrap(NativeQuery.class).setParameter(1, mergedId, String.class)
                .setParameter(2, survivorId, String.class).executeUpdate();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }
}

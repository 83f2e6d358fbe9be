package io.omnipulse.alerting.persistence;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.InteractionDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

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

    private static final String UPSERT = """
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
            """;

    /**
     * The same upsert with JDBC placeholders, for {@link #rememberAll}: ?2 (the customer) becomes two
     * parameters, so the bind order is conversation, customer, customer, channel, agent, team,
     * transfers, wait, occurred_at.
     */
    private static final String JDBC_UPSERT = UPSERT.replaceAll("\\?\\d", "?");

    /** One interaction of a customer (its resolved id), as {@link #remember} stores it. */
    public record Contact(String customerId, ContactEvent event) {

        /** The row's key: the conversation, else (no conversation) the event itself. */
        public String conversation() {
            return event.conversationId() != null ? event.conversationId() : "event:" + event.dedupKey();
        }

        Instant at() {
            return event.occurredAt() != null ? event.occurredAt()
                    : event.ingestedAt() != null ? event.ingestedAt() : Instant.now();
        }

        /** Every field the upsert would otherwise keep from an earlier row (coalesce) is set. */
        boolean complete() {
            InteractionDetails d = event.interaction();
            return event.agentId() != null && event.team() != null && d != null && d.transfers() != null
                    && d.waitSeconds() != null;
        }
    }

    public void remember(String customerId, ContactEvent event) {
        Contact contact = new Contact(customerId, event);
        InteractionDetails details = event.interaction();
        NativeQuery<?> q = em.createNativeQuery(UPSERT).unwrap(NativeQuery.class);
        // Typed binding: a null bound without a type would reach PostgreSQL as bytea.
        q.setParameter(1, contact.conversation(), String.class);
        q.setParameter(2, customerId, String.class);
        q.setParameter(3, event.channel() == null ? null : event.channel().wire(), String.class);
        q.setParameter(4, event.agentId(), String.class);
        q.setParameter(5, event.team(), String.class);
        q.setParameter(6, details == null ? null : details.transfers(), Integer.class);
        q.setParameter(7, details == null ? null : details.waitSeconds(), Integer.class);
        q.setParameter(8, contact.at(), Instant.class);
        // Touches contact_seen only: no reason to flush a batch's pending alert rows first.
        q.addSynchronizedQuerySpace("contact_seen");
        q.executeUpdate();
    }

    /**
     * The interactions of a batch, in their order, with the same effect as {@link #remember} one
     * after the other but in one JDBC batch (one round trip). A conversation's earlier interactions
     * are left out when its last one in the list is at least as recent as all of them and sets every
     * field: whatever row the database holds, that last upsert alone leaves the same row as the whole
     * sequence (it overwrites every column, and if it is too old to apply, so were the earlier ones).
     */
    public void rememberAll(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        if (contacts.size() == 1) {
            remember(contacts.get(0).customerId(), contacts.get(0).event());
            return;
        }
        List<Contact> needed = needed(contacts);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(JDBC_UPSERT)) {
                for (Contact c : needed) {
                    ContactEvent event = c.event();
                    InteractionDetails details = event.interaction();
                    ps.setString(1, c.conversation());
                    ps.setString(2, c.customerId());
                    ps.setString(3, c.customerId());
                    ps.setString(4, event.channel() == null ? null : event.channel().wire());
                    ps.setString(5, event.agentId());
                    ps.setString(6, event.team());
                    setInteger(ps, 7, details == null ? null : details.transfers());
                    setInteger(ps, 8, details == null ? null : details.waitSeconds());
                    ps.setObject(9, OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    static List<Contact> needed(List<Contact> contacts) {
        Map<String, Integer> last = new HashMap<>();
        Map<String, Instant> newest = new HashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            last.put(c.conversation(), i);
            newest.merge(c.conversation(), c.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<Contact> needed = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            int lastIndex = last.get(c.conversation());
            Contact lastOne = contacts.get(lastIndex);
            boolean superseded = i != lastIndex && lastOne.complete()
                    && !lastOne.at().isBefore(newest.get(c.conversation()));
            if (!superseded) {
                needed.add(c);
            }
        }
        return needed;
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
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

package io.omnipulse.alerting.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.omnipulse.alerting.domain.Erasure;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.serde.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/**
 * Takes a customer out of every table, inside the caller's transaction: the customer's alerts stay
 * (id, cause, severity, team, channel, status, every time, outcome, assignee, score, the agents who
 * handled the contact) so the closed-loop KPIs do not change, but nothing on them or around them
 * names or quotes the person any more:
 * <ul>
 * <li>alert: customer_id becomes the erasure's marker; comment, conversation_id and the contact (every
 * contact_* column: identifiers and last channel) are cleared; the resolution note reads [erased]; the
 * context is marked ERASED and never fetched again, nor is a contact written again;</li>
 * <li>alert_trigger: comment cleared; event_id (a source system's id, an effort trigger's embeds the
 * customer id) becomes marker:row id, still unique;</li>
 * <li>alert_audit: detail reads [erased] (staff notes quote customers; merge details name ids);
 * action, actor, statuses and time stay, and an ERASED row records the erasure;</li>
 * <li>alert_outbox: payloads, sent or not, redacted ({@link Erasure#redact}), so what is still queued
 * is published and delivered without the customer's data (a webhook's body is the payload with the
 * alert's contact, a mail is written from the alert: both read the alert when they are sent);
 * notification errors, which may quote what was sent, read [erased];</li>
 * <li>alert_context (the journey and scores fetched), contact_seen (contact history) and
 * customer_merge (the person's merge links): deleted.</li>
 * </ul>
 * Plain JDBC, in bulk: no entity of these alerts is loaded. Whatever the session holds is flushed
 * first and dropped afterwards, so a caller that goes on in the same transaction (a batch of merges)
 * reads the anonymised rows rather than stale entities.
 */
@ApplicationScoped
public class Anonymiser {

    private static final ObjectReader EVENT_READER = EventJson.mapper().readerFor(AlertEvent.class);
    private static final ObjectWriter EVENT_WRITER = EventJson.mapper().writerFor(AlertEvent.class);

    @Inject
    EntityManager em;

    /** Rows changed or deleted, per table. */
    public record Counts(int alerts, int triggers, int audits, int outbox, int notifications, int contexts,
            int contacts, int merges) {

        public long total() {
            return (long) alerts + triggers + audits + outbox + notifications + contexts + contacts + merges;
        }
    }

    /**
     * Anonymises everything of these customer ids (a survivor and the ids merged into it) under
     * {@code marker}; {@code erasureId} and {@code now} go on the ERASED audit rows.
     */
    public Counts anonymise(Collection<String> customerIds, String marker, String erasureId, Instant now) {
        em.flush();
        Counts[] counts = new Counts[1];
        em.unwrap(Session.class).doWork(c -> counts[0] = anonymise(c, customerIds, marker, erasureId, now));
        em.clear();
        return counts[0];
    }

    private static Counts anonymise(Connection c, Collection<String> customerIds, String marker, String erasureId,
            Instant now) throws SQLException {
        Array customers = c.createArrayOf("text", customerIds.toArray(new String[0]));
        Array alerts = c.createArrayOf("bigint", alertIds(c, customers).toArray(new Long[0]));
        // One unresolved alert per subject and cause (a partial unique index): should two of the ids
        // each have one of a cause, or an earlier erasure's alerts under this marker, the later ones
        // take marker:id instead.
        int alertRows = update(c, """
                update alert a set
                    customer_id = case when a.status <> 'RESOLVED' and exists (
                            select 1 from alert o where o.scope = 'CUSTOMER' and o.cause = a.cause
                               and o.status <> 'RESOLVED' and ((o.id = any(?) and o.id < a.id) or o.customer_id = ?))
                        then ? || ':' || a.id else ? end,
                    comment = null, conversation_id = null,
                    contact_email = null, contact_phone = null, contact_crm_id = null, contact_handle = null,
                    contact_chat_visitor_id = null, contact_last_channel = null, contact_last_channel_at = null,
                    resolution_note = case when a.resolution_note is null then null else ? end,
                    context_status = 'ERASED', context_due_at = null, version = a.version + 1
                 where a.id = any(?)
                """, alerts, marker, marker, marker, Erasure.ERASED_TEXT, alerts);
        int triggers = update(c, "update alert_trigger set comment = null, event_id = ? || ':' || id where alert_id = any(?)",
                marker, alerts);
        int audits = update(c, "update alert_audit set detail = ? where alert_id = any(?) and detail is not null",
                Erasure.ERASED_TEXT, alerts);
        update(c, """
                insert into alert_audit (alert_id, at, actor, action, from_status, to_status, detail)
                select id, ?, 'system', 'ERASED', status, status, ? from alert where id = any(?)
                """, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), "erasure " + erasureId, alerts);
        int outbox = redactOutbox(c, alerts, marker);
        // Errors may quote what was sent (a payload that could not be built, a receiver's answer). The
        // attempts are the deliveries' log: only the deliveries are counted.
        int notifications = update(c, """
                update notification_delivery set last_error = ? where alert_id = any(?) and last_error is not null
                """, Erasure.ERASED_TEXT, alerts);
        update(c, """
                update notification_attempt set error = ? where error is not null
                   and delivery_id in (select id from notification_delivery where alert_id = any(?))
                """, Erasure.ERASED_TEXT, alerts);
        int contexts = update(c, "delete from alert_context where alert_id = any(?)", alerts);
        int contacts = update(c, "delete from contact_seen where customer_id = any(?)", customers);
        int merges = update(c, """
                delete from customer_merge where merged_id = any(?) or survivor_id = any(?) or merged_into = any(?)
                """, customers, customers, customers);
        return new Counts(alertRows, triggers, audits, outbox, notifications, contexts, contacts, merges);
    }

    private static List<Long> alertIds(Connection c, Array customers) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id from alert where scope = 'CUSTOMER' and customer_id = any(?) order by id")) {
            ps.setArray(1, customers);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Every outbox row of these alerts, its event redacted; a row that cannot be read keeps no payload
     * either. NOWAIT: the relay holds rows while the broker acks them (up to its delivery timeout when
     * the broker is away); rather than hold the erasure lock that long, the erasure fails with
     * lock_not_available, a transient failure, and is retried with backoff.
     */
    private static int redactOutbox(Connection c, Array alerts, String marker) throws SQLException {
        int changed = 0;
        try (PreparedStatement select = c.prepareStatement(
                "select id, payload, last_error is not null from alert_outbox where alert_id = any(?) order by id"
                        + " for update nowait");
                PreparedStatement update = c.prepareStatement(
                        "update alert_outbox set payload = ?, last_error = case when last_error is null then null else ? end where id = ?")) {
            select.setArray(1, alerts);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String payload = rs.getString(2);
                    String redacted = redact(payload, marker);
                    if (!redacted.equals(payload) || rs.getBoolean(3)) {
                        update.setString(1, redacted);
                        update.setString(2, Erasure.ERASED_TEXT);
                        update.setLong(3, rs.getLong(1));
                        update.addBatch();
                        changed++;
                    }
                }
            }
            update.executeBatch();
        }
        return changed;
    }

    static String redact(String payload, String marker) {
        try {
            AlertEvent event = EVENT_READER.readValue(payload);
            AlertEvent redacted = Erasure.redact(event, marker);
            return redacted.equals(event) ? payload : EVENT_WRITER.writeValueAsString(redacted);
        } catch (JsonProcessingException | RuntimeException e) {
            // Not an alert event (the relay parks such a row): nothing of it is worth keeping.
            return Erasure.ERASED_TEXT;
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Array array) {
                    ps.setArray(i + 1, array);
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            return ps.executeUpdate();
        }
    }
}

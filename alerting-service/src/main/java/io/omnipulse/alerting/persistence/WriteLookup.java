package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.OngoingDrop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Everything the writer must know before it changes alerts, for a whole round of signals in one
 * round trip: where a merged customer lives now (customer_merge), whether the trigger was stored
 * before (the idempotency key), the subject's unresolved alert (the partial unique index; the
 * literal 'RESOLVED' lets the planner use it), for team and channel alerts the latest resolved one
 * (whether a drop seen again is a new one: OngoingDrop), and for customer alerts the customer's latest
 * contact (routing) and the conversation the answer rates. The unique keys stay the guard: a concurrent
 * writer that slips in between still fails this transaction's insert.
 *
 * <p>Plain JDBC with arrays (one row of {@code unnest} per signal): nothing pending in the session is
 * flushed first. A batch's pending alerts and triggers are known to the writer (AlertWriter.Batch),
 * and flushing them here would send them one round trip at a time again.
 */
@ApplicationScoped
public class WriteLookup {

    /** One signal to look up: its trigger (idempotency key, rated conversation) and subject. */
    public record Key(TriggerContext trigger, AlertScope scope, String key, AlertCause cause) {
    }

    /**
     * What the database knows about one signal. {@code subject} is the key the alert belongs to: the
     * signal's, or for a customer merged before, the survivor's (an answer still in flight under the
     * old id feeds the person's alert instead of opening a second one).
     */
    public record Found(String subject, boolean duplicate, Long unresolvedAlertId,
            Optional<InteractionContext> latestContact, Optional<InteractionContext> ratedConversation,
            Optional<OngoingDrop.Observation> resolvedDrop) {
    }

    private static final String SQL = """
            select exists (select 1 from alert_trigger t where t.source = s.source and t.event_id = s.event_id),
                   (select id from alert a where a.scope = s.scope and a.customer_id = k.key and a.cause = s.cause
                                             and a.status <> 'RESOLVED'),
                   l.channel, l.agent_id, l.team, l.transfers, l.wait_seconds, l.occurred_at,
                   r.channel, r.agent_id, r.team, r.transfers, r.wait_seconds, r.occurred_at,
                   k.key,
                   d.severity, d.score, d.last_triggered_at
              from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                       as s(source, event_id, scope, key, cause, conversation, i)
              cross join lateral (select coalesce((select survivor_id from customer_merge
                                                    where s.scope = 'CUSTOMER' and merged_id = s.key), s.key)
                                         as key) k
              left join lateral (select * from contact_seen c where s.scope = 'CUSTOMER' and c.customer_id = k.key
                                  order by c.occurred_at desc limit 1) l on true
              left join lateral (select * from contact_seen c where c.conversation_key = s.conversation) r on true
              left join lateral (select a.severity, a.score, a.last_triggered_at from alert a
                                  where s.scope <> 'CUSTOMER' and a.scope = s.scope and a.customer_id = k.key
                                    and a.cause = s.cause and a.status = 'RESOLVED'
                                  order by a.resolved_at desc limit 1) d on true
             order by s.i
            """;

    @Inject
    EntityManager em;

    /** The answers for {@code keys}, in their order, from one statement. */
    public List<Found> findAll(List<Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        int n = keys.size();
        String[][] columns = new String[6][n];
        for (int i = 0; i < n; i++) {
            Key k = keys.get(i);
            boolean customer = k.scope() == AlertScope.CUSTOMER;
            columns[0][i] = k.trigger().source();
            columns[1][i] = k.trigger().eventId();
            columns[2][i] = k.scope().name();
            columns[3][i] = k.key();
            columns[4][i] = k.cause().name();
            columns[5][i] = customer ? k.trigger().conversationId() : null;
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(SQL)) {
                for (int c = 0; c < columns.length; c++) {
                    ps.setArray(c + 1, connection.createArrayOf("text", columns[c]));
                }
                List<Found> found = new ArrayList<>(n);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        found.add(new Found(r.getString(15), r.getBoolean(1), r.getObject(2, Long.class),
                                context(r, 3), context(r, 9), resolvedDrop(r, 16)));
                    }
                }
                return found;
            }
        });
    }

    /**
     * The survivor of each of {@code customerIds} that identity resolution merged away (the others
     * are absent), in one statement: for deciding which of a batch's interactions a signal can see.
     */
    public Map<String, String> survivors(Collection<String> customerIds) {
        return pairs("select merged_id, survivor_id from customer_merge where merged_id = any(?)", customerIds);
    }

    /** The customer each of {@code conversations} that is stored belongs to, in one statement. */
    public Map<String, String> owners(Collection<String> conversations) {
        return pairs("select conversation_key, customer_id from contact_seen where conversation_key = any(?)",
                conversations);
    }

    private Map<String, String> pairs(String sql, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setArray(1, connection.createArrayOf("text", keys.toArray()));
                Map<String, String> pairs = new HashMap<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        pairs.put(r.getString(1), r.getString(2));
                    }
                }
                return pairs;
            }
        });
    }

    /** What the subject's latest resolved team or channel alert of this cause showed; empty when there is none. */
    private static Optional<OngoingDrop.Observation> resolvedDrop(ResultSet r, int at) throws SQLException {
        String severity = r.getString(at);
        if (severity == null) {
            return Optional.empty(); // severity is not null in the table: no row
        }
        OffsetDateTime lastTriggeredAt = r.getObject(at + 2, OffsetDateTime.class);
        return Optional.of(new OngoingDrop.Observation(AlertSeverity.valueOf(severity), r.getObject(at + 1, Integer.class),
                lastTriggeredAt == null ? null : lastTriggeredAt.toInstant()));
    }

    private static Optional<InteractionContext> context(ResultSet r, int at) throws SQLException {
        OffsetDateTime occurredAt = r.getObject(at + 5, OffsetDateTime.class);
        if (occurredAt == null) {
            return Optional.empty(); // occurred_at is not null in the table: no row
        }
        return Optional.of(new InteractionContext(r.getString(at), r.getString(at + 1), r.getString(at + 2),
                r.getObject(at + 3, Integer.class), r.getObject(at + 4, Integer.class), occurredAt.toInstant()));
    }
}

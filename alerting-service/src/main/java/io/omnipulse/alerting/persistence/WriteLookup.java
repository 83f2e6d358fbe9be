package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

/**
 * Everything the writer must know before it changes an alert, in one round trip instead of five:
 * where a merged customer lives now (customer_merge), whether the trigger was stored before (the
 * idempotency key), the subject's unresolved alert (the partial unique index; the literal
 * 'RESOLVED' lets the planner use it), and for customer alerts
 * the customer's latest contact (routing) and the conversation the answer rates. The unique keys
 * stay the guard: a concurrent writer that slips in between still fails this transaction's insert.
 */
@ApplicationScoped
public class WriteLookup {

    /**
     * What the database knows about one signal. {@code subject} is the key the alert belongs to: the
     * signal's, or for a customer merged before, the survivor's (an answer still in flight under the
     * old id feeds the person's alert instead of opening a second one).
     */
    public record Found(String subject, boolean duplicate, Long unresolvedAlertId,
            Optional<InteractionContext> latestContact, Optional<InteractionContext> ratedConversation) {
    }

    private static final String SQL = """
            select exists (select 1 from alert_trigger where source = ?1 and event_id = ?2),
                   (select id from alert where scope = ?3 and customer_id = s.key and cause = ?5
                                         and status <> 'RESOLVED'),
                   l.channel, l.agent_id, l.team, l.transfers, l.wait_seconds, l.occurred_at,
                   r.channel, r.agent_id, r.team, r.transfers, r.wait_seconds, r.occurred_at,
                   s.key
              from (select coalesce((select survivor_id from customer_merge where ?6 and merged_id = ?4), ?4)
                           as key) s
              left join lateral (select * from contact_seen where ?6 and customer_id = s.key
                                  order by occurred_at desc limit 1) l on true
              left join lateral (select * from contact_seen where conversation_key = ?7) r on true
            """;

    @Inject
    EntityManager em;

    public Found find(TriggerContext trigger, AlertScope scope, String key, AlertCause cause) {
        boolean customer = scope == AlertScope.CUSTOMER;
        NativeQuery<?> q = em.createNativeQuery(SQL).unwrap(NativeQuery.class);
        // No flush first: a batch's pending alerts and triggers are known to the writer (AlertWriter.Batch),
        // and flushing them here would send them one round trip at a time again.
        q.setHibernateFlushMode(FlushMode.MANUAL);
        // Typed binding: a null bound without a type would reach PostgreSQL as bytea.
        q.setParameter(1, trigger.source(), String.class);
        q.setParameter(2, trigger.eventId(), String.class);
        q.setParameter(3, scope.name(), String.class);
        q.setParameter(4, key, String.class);
        q.setParameter(5, cause.name(), String.class);
        q.setParameter(6, customer, Boolean.class);
        q.setParameter(7, customer ? trigger.conversationId() : null, String.class);
        Object[] r = (Object[]) q.getSingleResult();
        return new Found((String) r[14], (Boolean) r[0], r[1] == null ? null : ((Number) r[1]).longValue(),
                context(r, 2), context(r, 8));
    }

    private static Optional<InteractionContext> context(Object[] r, int at) {
        if (r[at + 5] == null) {
            return Optional.empty(); // occurred_at is not null in the table: no row
        }
        return Optional.of(new InteractionContext((String) r[at], (String) r[at + 1], (String) r[at + 2],
                (Integer) r[at + 3], (Integer) r[at + 4], ContactLog.instant(r[at + 5])));
    }
}

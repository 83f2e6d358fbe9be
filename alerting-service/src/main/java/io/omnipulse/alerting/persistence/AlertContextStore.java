package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.ContextStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.query.NativeQuery;

/**
 * The customer context of alerts (table alert_context and the context_* columns of alert), in
 * plain SQL: the alert's version is left alone, so enrichment never conflicts with a person's change.
 */
@ApplicationScoped
public class AlertContextStore {

    @Inject
    EntityManager em;

    /**
     * Takes up to {@code limit} alerts whose context is due, and pushes their due time to
     * {@code leaseUntil} so that another instance (or the next run) does not fetch them at the
     * same time; rows locked by another instance are skipped, not waited for.
     */
    @SuppressWarnings("unchecked")
    public List<ContextClaim> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Object[]> rows = (List<Object[]>) typed(em.createNativeQuery("""
                update alert a set context_due_at = ?1
                  from (select id from alert
                         where context_status = 'PENDING' and context_due_at <= ?2
                         order by context_due_at, id limit ?3
                         for update skip locked) due
                 where a.id = due.id
                returning a.id, a.customer_id, a.context_attempts,
                          exists (select 1 from alert_context c where c.alert_id = a.id and c.journey is not null),
                          exists (select 1 from alert_context c where c.alert_id = a.id and c.scores is not null)
                """)).setParameter(1, leaseUntil, Instant.class).setParameter(2, now, Instant.class)
                .setParameter(3, limit, Integer.class).getResultList();
        return rows.stream().map(r -> new ContextClaim(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).intValue(), (Boolean) r[3], (Boolean) r[4])).toList();
    }

    /** Keeps the parts that arrived (a part that failed keeps what an earlier attempt stored) and the progress. */
    public void save(long alertId, String journeyJson, String scoresJson, String error, Instant now,
            ContextStatus status, int attempts, Instant nextAt) {
        typed(em.createNativeQuery("""
                insert into alert_context (alert_id, journey, scores, fetched_at, last_error)
                values (?1, cast(?2 as jsonb), cast(?3 as jsonb), ?4, ?5)
                on conflict (alert_id) do update set
                    journey = coalesce(excluded.journey, alert_context.journey),
                    scores = coalesce(excluded.scores, alert_context.scores),
                    fetched_at = coalesce(excluded.fetched_at, alert_context.fetched_at),
                    last_error = excluded.last_error
                """)).setParameter(1, alertId, Long.class).setParameter(2, journeyJson, String.class)
                .setParameter(3, scoresJson, String.class)
                .setParameter(4, journeyJson != null || scoresJson != null ? now : null, Instant.class)
                .setParameter(5, error, String.class).executeUpdate();
        typed(em.createNativeQuery(
                "update alert set context_status = ?2, context_attempts = ?3, context_due_at = ?4 where id = ?1"))
                .setParameter(1, alertId, Long.class).setParameter(2, status.name(), String.class)
                .setParameter(3, attempts, Integer.class).setParameter(4, nextAt, Instant.class).executeUpdate();
    }

    public Optional<ContextSnapshot> find(long alertId) {
        List<?> rows = em.createNativeQuery(
                "select journey::text, scores::text, fetched_at, last_error from alert_context where alert_id = ?1")
                .setParameter(1, alertId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new ContextSnapshot((String) r[0], (String) r[1], ContactLog.instant(r[2]), (String) r[3]));
    }

    // Typed binding: a null bound without a type would reach PostgreSQL as bytea.
    private static NativeQuery<?> typed(jakarta.persistence.Query query) {
        return query.unwrap(NativeQuery.class);
    }
}

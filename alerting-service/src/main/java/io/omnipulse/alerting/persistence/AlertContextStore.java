package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertContact;
import io.omnipulse.alerting.domain.ContextStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * The customer context of alerts (table alert_context, the context_* columns of alert, and the
 * contact the profile fills in through AlertContacts), in plain SQL: the alert's version is left
 * alone, so enrichment never conflicts with a person's change.
 */
@ApplicationScoped
public class AlertContextStore {

    @Inject
    EntityManager em;

    @Inject
    ErasureLog erasures;

    @Inject
    AlertContacts contacts;

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

    /**
     * One alert's attempt: the parts that arrived (null when a part failed or was not asked for; the
     * contact comes with the journey, from the profile), the error, and the progress to record.
     */
    public record Outcome(long alertId, String journeyJson, String scoresJson, AlertContact contact, String error,
            ContextStatus status, int attempts, Instant nextAt) {
    }

    // Neither statement writes to an alert whose customer was erased after it was claimed.
    private static final String SAVE_PARTS = """
            insert into alert_context (alert_id, journey, scores, fetched_at, last_error)
            select ?, cast(? as jsonb), cast(? as jsonb), ?, ?
             where exists (select 1 from alert where id = ? and context_status <> 'ERASED')
            on conflict (alert_id) do update set
                journey = coalesce(excluded.journey, alert_context.journey),
                scores = coalesce(excluded.scores, alert_context.scores),
                fetched_at = coalesce(excluded.fetched_at, alert_context.fetched_at),
                last_error = excluded.last_error
            """;

    private static final String SAVE_PROGRESS =
            "update alert set context_status = ?, context_attempts = ?, context_due_at = ? where id = ? and context_status <> 'ERASED'";

    /**
     * Keeps the parts that arrived (a part that failed keeps what an earlier attempt stored) and the
     * progress, for a batch of alerts: two JDBC batches, not two statements per alert, and one more
     * for the identifiers of the profiles, which fill only what the alerts' contacts lack. An alert
     * whose customer was erased meanwhile is left as the erasure left it (under the shared erasure
     * lock, so an erasure under way is waited for and seen).
     */
    public void saveAll(List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        erasures.lockShared();
        em.unwrap(Session.class).doWork(connection -> {
            OffsetDateTime fetchedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            try (PreparedStatement parts = connection.prepareStatement(SAVE_PARTS);
                    PreparedStatement progress = connection.prepareStatement(SAVE_PROGRESS)) {
                for (Outcome o : outcomes) {
                    parts.setLong(1, o.alertId());
                    parts.setString(2, o.journeyJson());
                    parts.setString(3, o.scoresJson());
                    parts.setObject(4, o.journeyJson() != null || o.scoresJson() != null ? fetchedAt : null,
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    parts.setString(5, o.error());
                    parts.setLong(6, o.alertId());
                    parts.addBatch();
                    progress.setString(1, o.status().name());
                    progress.setInt(2, o.attempts());
                    progress.setObject(3, o.nextAt() == null ? null : OffsetDateTime.ofInstant(o.nextAt(), ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    progress.setLong(4, o.alertId());
                    progress.addBatch();
                }
                parts.executeBatch();
                progress.executeBatch();
            }
        });
        contacts.apply(outcomes.stream()
                .map(o -> new AlertContacts.Change(o.alertId(), o.contact(), false)).toList());
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

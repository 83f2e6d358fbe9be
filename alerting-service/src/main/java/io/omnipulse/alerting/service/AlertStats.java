package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.ResolutionOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The closed-loop KPIs, computed in PostgreSQL: unresolved alerts by cause and severity (the backlog,
 * however old), and, of the alerts raised in a trailing period (30 days unless asked otherwise), the
 * median time to acknowledge and to resolve (from when the alert was raised) and the share of
 * detractor alerts whose customer was reached (outcome contacted or recovered) within 48 hours.
 * Alerts folded into another by a customer merge (outcome MERGED) count in neither share nor median.
 *
 * <p>The period bounds the work as well as the meaning: over every alert ever stored, each call read
 * the whole table three times, more with every month of traffic; with it, the medians and the share
 * read the period's alerts through {@code alert_created_at_idx}, and the backlog is counted from
 * {@code alert_open_by_cause_idx} (V11).
 */
@ApplicationScoped
@Transactional
public class AlertStats {

    static final Duration CONTACT_WITHIN = Duration.ofHours(48);
    /** The trailing period of the medians and the 48-hour share, unless asked otherwise: a month of work. */
    public static final int DEFAULT_DAYS = 30;
    /** The longest period that may be asked for: a year. */
    public static final int MAX_DAYS = 366;
    /**
     * Alerts closed by a customer merge are left out of the KPIs: no one followed them up, their
     * triggers and deadlines live on in the survivor's alert, and that is the one that counts.
     */
    static final String NOT_MERGED = "outcome is distinct from '" + ResolutionOutcome.MERGED.name() + "'";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * The KPIs of one team's alerts (by the team an alert is routed to now), or of every alert for null;
     * the medians and the share over the alerts raised in the last {@code days} days. The team is bound as
     * a parameter, never written into the SQL.
     */
    public Snapshot snapshot(String team, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days " + days + " is not within 1.." + MAX_DAYS);
        }
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(days));
        String ofTeam = team == null ? "" : " and team = :team";
        Map<String, Map<String, Long>> open = new LinkedHashMap<>();
        for (Object row : withTeam(em.createNativeQuery("select cause, severity, count(*) from alert"
                + " where status <> 'RESOLVED'" + ofTeam + " group by cause, severity order by cause, severity"), team)
                .getResultList()) {
            Object[] r = (Object[]) row;
            open.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((String) r[1],
                    ((Number) r[2]).longValue());
        }
        long openTotal = open.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        Double ack = median("acknowledged_at", ofTeam, team, since);
        Double resolve = median("resolved_at", ofTeam, team, since);
        String reached = Arrays.stream(ResolutionOutcome.values()).filter(ResolutionOutcome::reachedCustomer)
                .map(o -> "'" + o.name() + "'").collect(Collectors.joining(","));
        // Counted once the 48 hours are over or the customer was reached, whichever comes first,
        // so that young alerts do not drag the share down before anyone could act.
        Object[] loop = (Object[]) withTeam(em.createNativeQuery("select"
                + " count(*) filter (where resolved_at <= created_at + interval '48 hours' and outcome in (" + reached
                + ")), count(*) from alert where cause = 'DETRACTOR' and created_at >= :since and " + NOT_MERGED + ofTeam
                + " and (created_at <= :due"
                + " or (resolved_at <= created_at + interval '48 hours' and outcome in (" + reached + ")))"), team)
                .setParameter("due", Timestamp.from(now.minus(CONTACT_WITHIN)))
                .setParameter("since", Timestamp.from(since)).getSingleResult();
        long contacted = ((Number) loop[0]).longValue();
        long due = ((Number) loop[1]).longValue();
        Double share = due == 0 ? null : 100.0 * contacted / due;
        return new Snapshot(openTotal, open, ack, resolve, new ClosedLoop(due, contacted, share), days);
    }

    private Double median(String column, String ofTeam, String team, Instant since) {
        Object value = withTeam(em.createNativeQuery("select percentile_cont(0.5) within group (order by extract(epoch"
                + " from (" + column + " - created_at))) from alert where created_at >= :since and " + column
                + " is not null and " + NOT_MERGED + ofTeam), team)
                .setParameter("since", Timestamp.from(since)).getSingleResult();
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Query withTeam(Query query, String team) {
        return team == null ? query : query.setParameter("team", team);
    }

    /**
     * @param open                       unresolved alerts, however old
     * @param openByCauseAndSeverity     unresolved alerts: cause -> severity -> count
     * @param medianSecondsToAcknowledge of the alerts raised in the period; null while none was acknowledged
     * @param medianSecondsToResolve     of the alerts raised in the period; null while none was resolved
     * @param detractorsContactedWithin48h of the detractor alerts raised in the period
     * @param periodDays                 the period the medians and the share cover: the last so many days
     */
    public record Snapshot(long open, Map<String, Map<String, Long>> openByCauseAndSeverity,
            Double medianSecondsToAcknowledge, Double medianSecondsToResolve, ClosedLoop detractorsContactedWithin48h,
            int periodDays) {
    }

    /** Detractor alerts counted, how many reached within 48 h, and the share in percent. */
    public record ClosedLoop(long counted, long contacted, Double percent) {
    }
}

package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.AlertStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class AlertRepository implements PanacheRepository<Alert> {

    /** Unresolved alerts with a deadline at or before {@code now}, oldest deadline first. */
    public List<Alert> dueForEscalation(Instant now, int limit) {
        return find("status <> :resolved and ((acknowledgedAt is null and acknowledgeEscalated = false"
                + " and acknowledgeDueAt <= :now) or (resolveEscalated = false and resolveDueAt <= :now))"
                + " order by id", Parameters.with("resolved", AlertStatus.RESOLVED).and("now", now))
                .page(0, limit).list();
    }

    /** A customer's unresolved alerts, oldest first. */
    public List<Alert> unresolvedOfCustomer(String customerId) {
        return list("scope = ?1 and customerId = ?2 and status <> ?3 order by id", AlertScope.CUSTOMER, customerId,
                AlertStatus.RESOLVED);
    }

    /** The subject's unresolved alert of this cause: at most one (the partial unique index). */
    public Optional<Alert> unresolvedOf(AlertScope scope, String key, AlertCause cause) {
        return find("scope = ?1 and customerId = ?2 and cause = ?3 and status <> ?4", scope, key, cause,
                AlertStatus.RESOLVED).firstResultOptional();
    }

    /** The team of each of these alerts that exists, by id (null for an alert of no team): one query. */
    public Map<Long, String> teamsOf(Collection<Long> ids) {
        Map<Long, String> teams = new HashMap<>();
        if (!ids.isEmpty()) {
            getEntityManager().createQuery("select a.id, a.team from Alert a where a.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> teams.put((Long) row[0], (String) row[1]));
        }
        return teams;
    }

    private static final String NEWEST = "order by openedAt desc, id desc";
    /** Most severe, then the nearest deadline (overdue first), then newest: served by V10's indexes. */
    private static final String URGENCY = "order by urgencyRank, nextDueAt asc nulls last, openedAt desc, id desc";

    /** The queue in the filter's order ({@link AlertFilter.Order}). */
    public PanacheQuery<Alert> search(AlertFilter filter) {
        Matching matching = Matching.of(filter);
        return find("from Alert " + matching.where() + (filter.order() == AlertFilter.Order.URGENCY ? URGENCY : NEWEST),
                matching.params());
    }

    /**
     * How many alerts match the filter, counted up to {@code limit}: PostgreSQL stops reading at the
     * limit, so the count costs no more than reading that many ids, however long the backlog. (HQL
     * takes a limit in a subquery only with an order, which would make PostgreSQL sort the backlog;
     * so the ids come back, a few thousand at most, and are counted here.)
     */
    public long countUpTo(AlertFilter filter, int limit) {
        Matching matching = Matching.of(filter);
        var query = getEntityManager().createQuery("select id from Alert " + matching.where(), Long.class)
                .setMaxResults(limit);
        matching.params().map().forEach(query::setParameter);
        return query.getResultList().size();
    }

    /** The filter as an HQL where clause (empty when nothing filters) and its parameters. */
    private record Matching(String where, Parameters params) {

        static Matching of(AlertFilter filter) {
            List<String> clauses = new ArrayList<>(5);
            Parameters params = new Parameters();
            if (filter.statuses() != null && !filter.statuses().isEmpty()) {
                clauses.add("status in :statuses");
                params.and("statuses", filter.statuses());
            }
            if (filter.cause() != null) {
                clauses.add("cause = :cause");
                params.and("cause", filter.cause());
            }
            if (filter.severity() != null) {
                clauses.add("severity = :severity");
                params.and("severity", filter.severity());
            }
            if (filter.team() != null) {
                clauses.add("team = :team");
                params.and("team", filter.team());
            }
            if (filter.customerId() != null) {
                clauses.add("customerId = :customerId");
                params.and("customerId", filter.customerId());
            }
            if (filter.visibleTeams() != null) {
                clauses.add(filter.visibleTeams().isEmpty() ? "team is null" : "(team is null or team in :visibleTeams)");
                if (!filter.visibleTeams().isEmpty()) {
                    params.and("visibleTeams", filter.visibleTeams());
                }
            }
            return new Matching(clauses.isEmpty() ? "" : "where " + String.join(" and ", clauses) + " ", params);
        }
    }
}

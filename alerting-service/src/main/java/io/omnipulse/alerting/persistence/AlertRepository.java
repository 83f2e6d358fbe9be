package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AlertRepository implements PanacheRepository<Alert> {

    /** The one alert for this customer and cause that is not resolved yet (the partial unique index). */
    public Optional<Alert> findUnresolved(String customerId, AlertCause cause) {
        return find("customerId = :customerId and cause = :cause and status <> :resolved",
                Parameters.with("customerId", customerId).and("cause", cause).and("resolved", AlertStatus.RESOLVED))
                .firstResultOptional();
    }

    /** The queue, newest first (by event time of the opening trigger, then by id). */
    public PanacheQuery<Alert> search(AlertFilter filter) {
        List<String> clauses = new ArrayList<>(3);
        Parameters params = new Parameters();
        if (filter.status() != null) {
            clauses.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.cause() != null) {
            clauses.add("cause = :cause");
            params.and("cause", filter.cause());
        }
        if (filter.customerId() != null) {
            clauses.add("customerId = :customerId");
            params.and("customerId", filter.customerId());
        }
        Sort newestFirst = Sort.descending("openedAt", "id");
        return clauses.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", clauses), newestFirst, params);
    }
}

package io.omnipulse.alerting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AlertTriggerRepository implements PanacheRepository<AlertTrigger> {

    /** Moves every trigger of one alert to another (a merge); the idempotency keys go with them. */
    public int moveAll(Alert from, Alert to) {
        return update("alert = ?1 where alert = ?2", to, from);
    }

    /** At most {@code count} of an alert's triggers in event-time order, from the {@code first}-th (0: the oldest). */
    public List<AlertTrigger> listFor(long alertId, int first, int count) {
        return find("alert.id", Sort.ascending("occurredAt", "id"), alertId).range(first, first + count - 1).list();
    }

    /** An alert's latest {@code count} triggers by event time, the latest first. */
    public List<AlertTrigger> latestFor(long alertId, int count) {
        return find("alert.id", Sort.descending("occurredAt", "id"), alertId).range(0, count - 1).list();
    }
}

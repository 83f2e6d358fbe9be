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

    /** An alert's triggers in event-time order. */
    public List<AlertTrigger> listFor(long alertId) {
        return list("alert.id", Sort.ascending("occurredAt", "id"), alertId);
    }
}

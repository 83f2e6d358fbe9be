package io.omnipulse.alerting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AlertTriggerRepository implements PanacheRepository<AlertTrigger> {

    /** An alert's triggers in event-time order. */
    public List<AlertTrigger> listFor(long alertId) {
        return list("alert.id", Sort.ascending("occurredAt", "id"), alertId);
    }
}

package io.omnipulse.alerting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AlertAuditRepository implements PanacheRepository<AlertAudit> {

    /** An alert's history, oldest first. */
    public List<AlertAudit> listFor(long alertId) {
        return list("alertId", Sort.ascending("id"), alertId);
    }
}

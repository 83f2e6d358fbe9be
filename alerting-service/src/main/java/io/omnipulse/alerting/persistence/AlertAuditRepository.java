package io.omnipulse.alerting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AlertAuditRepository implements PanacheRepository<AlertAudit> {

    /** At most {@code count} entries of an alert's history, oldest first, from the {@code first}-th (0: the oldest). */
    public List<AlertAudit> listFor(long alertId, int first, int count) {
        return find("alertId", Sort.ascending("id"), alertId).range(first, first + count - 1).list();
    }

    /** An alert's latest {@code count} history entries, the latest first. */
    public List<AlertAudit> latestFor(long alertId, int count) {
        return find("alertId", Sort.descending("id"), alertId).range(0, count - 1).list();
    }
}

package io.omnipulse.alerting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import org.hibernate.jpa.SpecHints;

@ApplicationScoped
public class NotificationDeliveryRepository implements PanacheRepository<NotificationDelivery> {

    /** Pending deliveries whose time has come, locked; rows another instance holds are skipped. */
    public List<NotificationDelivery> lockDue(Instant now, int limit) {
        return find("status = :pending and nextAttemptAt <= :now order by nextAttemptAt, id",
                Parameters.with("pending", NotificationDelivery.PENDING).and("now", now))
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2)
                .page(0, limit).list();
    }

    public List<NotificationDelivery> listFor(long alertId) {
        return list("alertId = ?1 order by id", alertId);
    }
}

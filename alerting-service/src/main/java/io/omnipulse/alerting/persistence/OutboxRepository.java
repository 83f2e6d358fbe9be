package io.omnipulse.alerting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import org.hibernate.jpa.SpecHints;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEntry> {

    /**
     * The oldest unsent entries that are not parked nor waiting for their next attempt, locked for this transaction; rows another instance is relaying
     * right now are skipped rather than waited for (FOR UPDATE SKIP LOCKED).
     */
    public List<OutboxEntry> lockUnsent(int limit, Instant now) {
        return find("sentAt is null and parkedAt is null and (nextAttemptAt is null or nextAttemptAt <= ?1) order by id",
                now).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2).page(0, limit).list();
    }

    /** Marks these entries sent (one more attempt each), in one statement. */
    public void markSent(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            update("sentAt = ?1, attempts = attempts + 1 where id in ?2", at, ids);
        }
    }
}

package io.omnipulse.alerting.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;

/** What the benchmarks read back: how many alerts a run stored, and the first and last createdAt. */
record StoredAlerts(long count, Instant first, Instant last) {

    static StoredAlerts of(EntityManager em, String team) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery(
                    "select count(*), min(created_at), max(created_at) from alert where team = ?1")
                    .setParameter(1, team).getSingleResult();
            return new StoredAlerts(((Number) r[0]).longValue(), instant(r[1]), instant(r[2]));
        });
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }
}

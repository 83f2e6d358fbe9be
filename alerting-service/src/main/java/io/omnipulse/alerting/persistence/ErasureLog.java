package io.omnipulse.alerting.persistence;

import io.omnipulse.events.ErasureRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * The erasures handled (table erasure) and the customer ids they erased (erased_customer), by the
 * SHA-256 of the id, never the id. Also the lock that keeps an erasure and the writers of customer
 * data apart: a writer holds it shared for its transaction and reads {@link #erasedAt} after taking
 * it, an erasure holds it exclusively, so a writer either commits before the erasure reads the rows
 * or sees the erasure committed; no alert of an erased customer slips in between.
 */
@ApplicationScoped
public class ErasureLog {

    /** The advisory lock of erasures (any 64-bit number of our own, not CustomerMergeLog's). */
    static final long ERASURE_LOCK = 0x6f6d6e6965726173L;

    @Inject
    EntityManager em;

    /** What a handled erasure recorded: when it completed and how many rows it changed. */
    public record Recorded(Instant completedAt, long rowsAffected) {
    }

    /** The latest erasure of one customer id. */
    public record Erased(String erasureId, Instant requestedAt) {
    }

    /** Waits for writers of customer data to finish and keeps new ones out until this transaction ends. */
    public void lockExclusive() {
        lock("select pg_advisory_xact_lock(?)");
    }

    /**
     * Waits for an erasure in progress, and keeps new ones out until this transaction ends (writers do
     * not wait for each other). Take it before reading {@link #erasedAt}: in READ COMMITTED a later
     * statement sees an erasure that committed while this one waited.
     */
    public void lockShared() {
        lock("select pg_advisory_xact_lock_shared(?)");
    }

    private void lock(String sql) {
        // JDBC rather than a Hibernate query: nothing pending in the session is flushed first.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setLong(1, ERASURE_LOCK);
                ps.executeQuery().close();
            }
        });
    }

    /** The erasure with this id, if it was handled before. */
    public Optional<Recorded> find(String erasureId) {
        List<?> rows = em.createNativeQuery("select completed_at, rows_affected from erasure where erasure_id = ?1")
                .setParameter(1, erasureId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Recorded(ContactLog.instant(row[0]), ((Number) row[1]).longValue()));
    }

    /** Records the erasure as done: its idempotency key, written in the transaction that did it. */
    public void record(ErasureRequested request, Instant completedAt, long rowsAffected) {
        NativeQuery<?> q = em.createNativeQuery("""
                insert into erasure (erasure_id, customer_hash, requested_at, requested_by, completed_at, rows_affected)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                """).unwrap(NativeQuery.class);
        // Typed binding: a null bound without a type would reach PostgreSQL as bytea.
        q.setParameter(1, request.erasureId(), String.class);
        q.setParameter(2, hash(request.customerId()), String.class);
        q.setParameter(3, request.requestedAt(), Instant.class);
        q.setParameter(4, request.requestedBy(), String.class);
        q.setParameter(5, completedAt, Instant.class);
        q.setParameter(6, rowsAffected, Long.class);
        q.executeUpdate();
    }

    /** Marks these customer ids erased as of {@code requestedAt}; a later erasure of an id wins. */
    public void markErased(Collection<String> customerIds, String erasureId, Instant requestedAt) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into erased_customer (customer_hash, erasure_id, requested_at) values (?, ?, ?)
                    on conflict (customer_hash) do update set erasure_id = excluded.erasure_id,
                        requested_at = excluded.requested_at
                    where erased_customer.requested_at < excluded.requested_at
                    """)) {
                for (String id : customerIds) {
                    ps.setString(1, hash(id));
                    ps.setString(2, erasureId);
                    ps.setObject(3, OffsetDateTime.ofInstant(requestedAt, ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** The latest erasure of each of these customer ids that was erased (one query); take {@link #lockShared} first. */
    public Map<String, Erased> erasedAt(Collection<String> customerIds) {
        Map<String, String> byHash = new HashMap<>();
        for (String id : customerIds) {
            if (id != null) {
                byHash.put(hash(id), id);
            }
        }
        Map<String, Erased> erased = new HashMap<>();
        if (byHash.isEmpty()) {
            return erased;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select customer_hash, erasure_id, requested_at from erased_customer where customer_hash = any(?)")) {
                ps.setArray(1, connection.createArrayOf("text", byHash.keySet().toArray(new String[0])));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        erased.put(byHash.get(rs.getString(1)), new Erased(rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant()));
                    }
                }
            }
        });
        return erased;
    }

    /** SHA-256 of a customer id, in hex: what these tables store instead of the id. */
    public static String hash(String customerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(customerId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}

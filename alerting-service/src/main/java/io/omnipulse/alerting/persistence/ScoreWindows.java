package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.NpsWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The latest NPS per scope, key and window (table score_window), newest by updatedAt. A batch of
 * updates reads the windows of its subjects once ({@link #read}), applies its updates to them in
 * memory in order ({@link Snapshot#rememberAndRead}) and writes the result in one JDBC batch
 * ({@link #write}): two round trips per batch instead of one per update.
 */
@ApplicationScoped
public class ScoreWindows {

    @Inject
    EntityManager em;

    /** One stored window: its NPS and the updatedAt of the update it holds. */
    public record Stored(NpsWindow nps, Instant updatedAt) {
    }

    /** A team or channel whose windows are read. */
    public record Subject(String scope, String key) {
    }

    private record WindowKey(String scope, String key, String window) {
    }

    private static final String UPSERT = """
            insert into score_window (scope, key, window_name, nps_n, nps_score, updated_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (scope, key, window_name) do update set
                nps_n = excluded.nps_n, nps_score = excluded.nps_score, updated_at = excluded.updated_at
            where score_window.updated_at <= excluded.updated_at
            """;

    /** The stored windows of some subjects as a batch of updates leaves them, not yet written. */
    public static final class Snapshot {
        private final Map<WindowKey, Stored> windows;
        private final Map<WindowKey, Stored> changed = new LinkedHashMap<>();

        private Snapshot(Map<WindowKey, Stored> windows) {
            this.windows = windows;
        }

        /**
         * Stores a window (unless a newer update of it is stored already) and reads the two windows
         * {@code first} and {@code second} of the same scope and key as they stand after it: what the
         * upsert of {@link #UPSERT} followed by a select would return, the time at the precision
         * PostgreSQL keeps.
         */
        public Map<String, Stored> rememberAndRead(String scope, String key, String window, NpsWindow nps,
                Instant updatedAt, String first, String second) {
            WindowKey written = new WindowKey(scope, key, window);
            Stored current = windows.get(written);
            Instant at = asStored(updatedAt);
            if (current == null || !current.updatedAt().isAfter(at)) {
                Stored stored = new Stored(nps, at);
                windows.put(written, stored);
                changed.put(written, stored);
            }
            Map<String, Stored> found = new HashMap<>(2);
            for (String name : new String[] {first, second}) {
                Stored stored = windows.get(new WindowKey(scope, key, name));
                if (stored != null) {
                    found.put(name, stored);
                }
            }
            return found;
        }
    }

    /** The stored windows of {@code subjects}, in one statement. */
    public Snapshot read(Collection<Subject> subjects) {
        Map<WindowKey, Stored> windows = new HashMap<>();
        if (subjects.isEmpty()) {
            return new Snapshot(windows);
        }
        String[] scopes = subjects.stream().map(Subject::scope).toArray(String[]::new);
        String[] keys = subjects.stream().map(Subject::key).toArray(String[]::new);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    select w.scope, w.key, w.window_name, w.nps_n, w.nps_score, w.updated_at
                      from score_window w join unnest(?::text[], ?::text[]) as s(scope, key)
                        on w.scope = s.scope and w.key = s.key
                    """)) {
                ps.setArray(1, connection.createArrayOf("text", scopes));
                ps.setArray(2, connection.createArrayOf("text", keys));
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        double score = r.getDouble(5);
                        windows.put(new WindowKey(r.getString(1), r.getString(2), r.getString(3)),
                                new Stored(new NpsWindow(r.getLong(4), r.wasNull() ? null : score),
                                        r.getObject(6, OffsetDateTime.class).toInstant()));
                    }
                }
            }
        });
        return new Snapshot(windows);
    }

    /**
     * Writes what the snapshot changed, one upsert per window in one JDBC batch. Each keeps the newer
     * row, so a window that another writer updated meanwhile ends up as if the updates had come one
     * after the other.
     */
    public void write(Snapshot snapshot) {
        if (snapshot.changed.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
                for (Map.Entry<WindowKey, Stored> e : snapshot.changed.entrySet()) {
                    ps.setString(1, e.getKey().scope());
                    ps.setString(2, e.getKey().key());
                    ps.setString(3, e.getKey().window());
                    ps.setLong(4, e.getValue().nps().n());
                    if (e.getValue().nps().score() == null) {
                        ps.setNull(5, Types.DOUBLE);
                    } else {
                        ps.setDouble(5, e.getValue().nps().score());
                    }
                    ps.setObject(6, OffsetDateTime.ofInstant(e.getValue().updatedAt(), ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        snapshot.changed.clear();
    }

    /**
     * An instant as a timestamptz column gives it back: to the microsecond, rounded half up as the
     * PostgreSQL driver sends it. Trigger ids are built from stored times, so a window kept in memory
     * must carry exactly the time a read of the row would.
     */
    static Instant asStored(Instant instant) {
        long micros = (instant.getNano() + 500) / 1000;
        return Instant.ofEpochSecond(instant.getEpochSecond(), micros * 1000);
    }
}

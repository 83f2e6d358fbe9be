package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.NpsWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The latest NPS per scope, key and window (table score_window), newest by updatedAt. */
@ApplicationScoped
public class ScoreWindows {

    @Inject
    EntityManager em;

    /** One stored window: its NPS and the updatedAt of the update it holds. */
    public record Stored(NpsWindow nps, Instant updatedAt) {
    }

    /**
     * Stores a window (unless a newer update of it is stored already) and reads the two windows
     * {@code first} and {@code second} of the same scope and key as they stand after it, in one
     * statement instead of three. The select reads the table
     * as it was before the statement, so the window just written comes from the insert's returning
     * row (none when an older update was not applied: the stored row stands).
     */
    public Map<String, Stored> rememberAndRead(String scope, String key, String window, NpsWindow nps,
            Instant updatedAt, String first, String second) {
        NativeQuery<?> q = em.createNativeQuery("""
                with up as (
                    insert into score_window (scope, key, window_name, nps_n, nps_score, updated_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6)
                    on conflict (scope, key, window_name) do update set
                        nps_n = excluded.nps_n, nps_score = excluded.nps_score, updated_at = excluded.updated_at
                    where score_window.updated_at <= excluded.updated_at
                    returning window_name, nps_n, nps_score, updated_at)
                select window_name, nps_n, nps_score, updated_at from up
                union all
                select window_name, nps_n, nps_score, updated_at from score_window
                 where scope = ?1 and key = ?2 and window_name in (?7, ?8)
                   and window_name not in (select window_name from up)
                """).unwrap(NativeQuery.class);
        q.setParameter(1, scope, String.class);
        q.setParameter(2, key, String.class);
        q.setParameter(3, window, String.class);
        q.setParameter(4, nps.n(), Long.class);
        q.setParameter(5, nps.score(), Double.class);
        q.setParameter(6, updatedAt, Instant.class);
        q.setParameter(7, first, String.class);
        q.setParameter(8, second, String.class);
        Map<String, Stored> found = new HashMap<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            found.put((String) r[0], new Stored(new NpsWindow(((Number) r[1]).longValue(),
                    r[2] == null ? null : ((Number) r[2]).doubleValue()), ContactLog.instant(r[3])));
        }
        return found;
    }

    public Optional<NpsWindow> find(String scope, String key, String window) {
        List<?> rows = em.createNativeQuery(
                "select nps_n, nps_score from score_window where scope = ?1 and key = ?2 and window_name = ?3")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, window).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new NpsWindow(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).doubleValue()));
    }
}

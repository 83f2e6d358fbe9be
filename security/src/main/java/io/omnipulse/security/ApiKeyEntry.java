package io.omnipulse.security;

import java.time.Instant;
import java.util.List;

/**
 * One key in the key file: its public id, the sources it may post as (usually one; the first is the
 * one its events get when they name none; several for a relay that forwards for other systems), the
 * SHA-256 of its secret, the roles it grants (default {@code ingest}), and when it was created and
 * revoked (a revoked key is refused from the next reload on; keeping the entry keeps its record).
 */
public record ApiKeyEntry(String id, List<String> sources, String sha256, List<String> roles, Instant createdAt,
        Instant revokedAt) {

    public ApiKeyEntry {
        sources = sources == null ? List.of() : List.copyOf(sources);
        roles = roles == null || roles.isEmpty() ? List.of(Roles.INGEST) : List.copyOf(roles);
    }

    /** A new entry for {@code key} of a source, posting as {@code sources}. */
    public static ApiKeyEntry of(ApiKey key, Instant createdAt, String... sources) {
        return of(key, Roles.INGEST, createdAt, List.of(sources));
    }

    /** A new entry for {@code key} with one role, named {@code names} (the sources it posts as, or the service). */
    public static ApiKeyEntry of(ApiKey key, String role, Instant createdAt, List<String> names) {
        return new ApiKeyEntry(key.id(), names, key.secretSha256(), List.of(role), createdAt, null);
    }

    /** The source of events that name none. */
    public String primarySource() {
        return sources.get(0);
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    boolean isComplete() {
        return id != null && !sources.isEmpty() && sha256 != null;
    }
}

package io.omnipulse.security;

import java.util.List;

/**
 * The key file's content: {@code {"keys": [{"id": "k7q2m9xa", "sources": ["acme-survey"], "sha256": "…",
 * "roles": ["ingest"], "createdAt": "…", "revokedAt": null}]}}.
 */
public record ApiKeyFile(List<ApiKeyEntry> keys) {

    public ApiKeyFile {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }
}

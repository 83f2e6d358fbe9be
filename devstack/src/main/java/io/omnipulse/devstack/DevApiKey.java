package io.omnipulse.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnipulse.security.ApiKey;
import io.omnipulse.security.ApiKeyEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The API key of the local stack's own tools (the demo traffic, the benches, the end-to-end tests):
 * ingest-service reads its hash from {@code <home>/api-keys.json}, the tools read the key itself from
 * {@code <home>/dev-api-key} (owner-readable only), or from {@code OMNIPULSE_API_KEY}. A new key per
 * fresh stack; {@code --keep-data} keeps it. It may post as the sources those tools name.
 */
public final class DevApiKey {

    /** The header a source sends its key in. */
    public static final String HEADER = "X-API-Key";
    /** The key file ingest-service reads (hashes only). */
    public static final String KEY_FILE = "api-keys.json";
    static final String SECRET_FILE = "dev-api-key";
    /** The sources of the local stack's tools; the first is that of events that name none. */
    static final List<String> SOURCES = List.of("omnipulse-devstack", "omnipulse-simulator", "latency-bench",
            "score-bench", "e2e-helpdesk", "e2e-survey", "fault-helpdesk", "fault-survey");

    private DevApiKey() {
    }

    /** The key of the stack in {@code home}: made when {@code home} has none, else the one it has. */
    public static String ensure(Path home) {
        Path secret = home.resolve(SECRET_FILE);
        Path keys = home.resolve(KEY_FILE);
        try {
            if (Files.isRegularFile(secret) && Files.isRegularFile(keys)) {
                return Files.readString(secret).trim();
            }
            Files.createDirectories(home);
            ApiKey key = ApiKey.generate();
            ApiKeyEntry entry = ApiKeyEntry.of(key, Instant.now(), SOURCES.toArray(String[]::new));
            Map<String, Object> file = Map.of("keys", List.of(Map.of("id", entry.id(), "sources", entry.sources(),
                    "sha256", entry.sha256(), "roles", entry.roles(), "createdAt", entry.createdAt().toString())));
            Files.writeString(keys, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(file));
            Files.writeString(secret, key.text() + System.lineSeparator());
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            return key.text();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local stack's API key in " + home, e);
        }
    }

    /** The key the tools send to a stack in {@code home}: {@code OMNIPULSE_API_KEY}, else the stack's file. */
    public static String read(Path home) {
        String fromEnv = System.getenv("OMNIPULSE_API_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            return Files.readString(home.resolve(SECRET_FILE)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no API key: start the stack with ./omnipulse first (it writes "
                    + home.resolve(SECRET_FILE) + "), or set OMNIPULSE_API_KEY", e);
        }
    }
}

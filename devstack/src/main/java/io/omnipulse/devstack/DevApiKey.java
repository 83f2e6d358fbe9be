package io.omnipulse.devstack;

import io.omnipulse.security.ApiKey;
import io.omnipulse.security.ApiKeyEntry;
import io.omnipulse.security.ApiKeyFile;
import io.omnipulse.security.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The API keys of the local stack: its own tools' (the demo traffic, the benches, the end-to-end
 * tests), which may post as the sources those tools name, and alerting-service's (role "service"),
 * which reads customers' journeys and scores. The services read their hashes from
 * {@code <home>/api-keys.json}; the keys themselves are in {@code <home>/dev-api-key} and
 * {@code <home>/service-api-key} (owner-readable only); tools also take {@code OMNIPULSE_API_KEY}.
 * New keys per fresh stack; {@code --keep-data} keeps them.
 */
public final class DevApiKey {

    /** The header a source sends its key in. */
    public static final String HEADER = "X-API-Key";
    /** The key file ingest-service reads (hashes only). */
    public static final String KEY_FILE = "api-keys.json";
    static final String SECRET_FILE = "dev-api-key";
    static final String SERVICE_FILE = "service-api-key";
    /** The sources of the local stack's tools; the first is that of events that name none. */
    static final List<String> SOURCES = List.of("omnipulse-devstack", "omnipulse-simulator", "latency-bench",
            "score-bench", "e2e-helpdesk", "e2e-survey", "fault-helpdesk", "fault-survey");

    private DevApiKey() {
    }

    /**
     * The tools' key of the stack in {@code home}: made, with alerting-service's service key
     * ({@link #serviceKey}), when {@code home} has none, else the one it has.
     */
    public static String ensure(Path home) {
        Path secret = home.resolve(SECRET_FILE);
        Path keys = home.resolve(KEY_FILE);
        try {
            if (Files.isRegularFile(secret) && Files.isRegularFile(keys) && Files.isRegularFile(home.resolve(SERVICE_FILE))) {
                return Files.readString(secret).trim();
            }
            Files.createDirectories(home);
            ApiKey tools = ApiKey.generate();
            ApiKey service = ApiKey.generate();
            Instant now = Instant.now();
            ApiKeyFile file = new ApiKeyFile(List.of(ApiKeyEntry.of(tools, Roles.INGEST, now, SOURCES),
                    ApiKeyEntry.of(service, Roles.SERVICE, now, List.of("alerting-service"))));
            Files.writeString(keys, file.toJson());
            writeSecret(secret, tools);
            writeSecret(home.resolve(SERVICE_FILE), service);
            return tools.text();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local stack's API keys in " + home, e);
        }
    }

    /** The key alerting-service reads a customer's journey and scores with (role "service"). */
    public static String serviceKey(Path home) {
        try {
            return Files.readString(home.resolve(SERVICE_FILE)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no service key in " + home + ": start the stack first", e);
        }
    }

    private static void writeSecret(Path file, ApiKey key) throws IOException {
        OwnerOnlyFile.write(file, key.text() + System.lineSeparator());
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

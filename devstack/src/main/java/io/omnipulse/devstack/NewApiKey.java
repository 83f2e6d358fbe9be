package io.omnipulse.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnipulse.security.ApiKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./omnipulse api-key SOURCE [SOURCE ...]}: a new API key for a source, and the entry to add
 * to the key file ingest reads. The key is shown once, here; the file keeps only its hash.
 */
public final class NewApiKey {

    private NewApiKey() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || Arrays.stream(args).anyMatch(a -> a.isBlank() || a.startsWith("-"))) {
            System.err.println("usage: ./omnipulse api-key SOURCE [SOURCE ...]   (the first source is that of events naming none)");
            System.exit(2);
        }
        ApiKey key = ApiKey.generate();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", key.id());
        entry.put("sources", List.of(args));
        entry.put("sha256", key.secretSha256());
        entry.put("roles", List.of("ingest"));
        entry.put("createdAt", Instant.now().toString());
        System.out.println("API key (give it to the source; it is not stored anywhere):");
        System.out.println("  " + key.text());
        System.out.println("Entry for the \"keys\" array of the key file (OMNIPULSE_SECURITY_API_KEYS_FILE):");
        System.out.println("  " + new ObjectMapper().writeValueAsString(entry));
    }
}

package io.omnipulse.devstack;

import io.omnipulse.security.ApiKey;
import io.omnipulse.security.ApiKeyEntry;
import io.omnipulse.security.ApiKeyFile;
import io.omnipulse.security.Roles;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./omnipulse api-key [--role ingest|service|ops] NAME [NAME ...]}: a new API key for a source (or a
 * service), and the entry to add to the key file the services read. The key is shown once, here; the
 * file keeps only its hash.
 */
public final class NewApiKey {

    private NewApiKey() {
    }

    public static void main(String[] args) throws Exception {
        String role = Roles.INGEST;
        if (args.length >= 2 && args[0].equals("--role")) {
            role = args[1];
            args = Arrays.copyOfRange(args, 2, args.length);
        }
        if (args.length == 0 || Arrays.stream(args).anyMatch(a -> a.isBlank() || a.startsWith("-"))
                || !(role.equals(Roles.INGEST) || role.equals(Roles.SERVICE) || role.equals(Roles.OPS))) {
            System.err.println("usage: ./omnipulse api-key [--role ingest|service|ops] NAME [NAME ...]\n"
                    + "  ingest (default): a source posting events; the first name is that of events naming none\n"
                    + "  service: an OmniPulse service calling another (alerting reading profiles and scores)\n"
                    + "  ops: a scraper of metrics and OpenAPI (Prometheus: the key as basic_auth user name)");
            System.exit(2);
        }
        ApiKey key = ApiKey.generate();
        System.out.println("API key (give it to the source; it is not stored anywhere):");
        System.out.println("  " + key.text());
        System.out.println("Entry for the \"keys\" array of the key file (OMNIPULSE_SECURITY_API_KEYS_FILE):");
        System.out.println("  " + ApiKeyFile.toJson(ApiKeyEntry.of(key, role, Instant.now(), List.of(args))));
    }
}

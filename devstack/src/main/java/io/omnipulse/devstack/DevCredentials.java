package io.omnipulse.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omnipulse.security.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <home>/dev-credentials.json}, owner-readable only: the tools' ingest API key and a bearer token
 * per role, so that a person trying the local stack can call every API at once
 * ({@code jq -r .tokens.lead .omnipulse/dev-credentials.json}). Written at every start, since tokens
 * expire (12 hours); {@code ./omnipulse token} makes others. An agent and a lead of team
 * {@value #TEAM} (one of the demo traffic's teams), and one subject per role.
 */
public final class DevCredentials {

    public static final String FILE = "dev-credentials.json";
    public static final String TEAM = "billing";
    static final Duration VALID_FOR = Duration.ofHours(12);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DevCredentials() {
    }

    /** Writes the file of the stack in {@code home}; returns its path. */
    public static Path write(Path home, String ingestApiKey, DevTokens signer) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : List.of(Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.ANALYST, Roles.OPS)) {
            List<String> teams = role.equals(Roles.AGENT) || role.equals(Roles.LEAD) ? List.of(TEAM) : List.of();
            tokens.put(role, signer.token(role + "@omnipulse.local", List.of(role), teams, VALID_FOR));
        }
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("ingestApiKey", ingestApiKey);
        credentials.put("tokens", tokens);
        Path file = home.resolve(FILE);
        try {
            OwnerOnlyFile.write(file, JSON.writeValueAsString(credentials));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

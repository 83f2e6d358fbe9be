package io.omnipulse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyRegistryTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    private final ApiKey survey = ApiKey.generate();
    private final ApiKey crm = ApiKey.generate();

    private static String file(ApiKeyEntry... entries) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < entries.length; i++) {
            ApiKeyEntry e = entries[i];
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(e.id()).append("\",\"sources\":[\"").append(String.join("\",\"", e.sources()))
                    .append("\"],\"sha256\":\"").append(e.sha256()).append("\",\"createdAt\":\"").append(T0).append('"')
                    .append(e.revokedAt() == null ? "" : ",\"revokedAt\":\"" + e.revokedAt() + "\"").append('}');
        }
        return json.append("]}").toString();
    }

    private Path write(String content, int generation) throws IOException {
        Path keys = dir.resolve("api-keys.json");
        Files.writeString(keys, content);
        // Each rewrite gets its own modification time, as an edit a second later would.
        Files.setLastModifiedTime(keys, FileTime.from(T0.plusSeconds(generation)));
        return keys;
    }

    @Test
    void aKeyIsValidWithItsSecretOnlyAndGivesItsSourceAndRoles() throws IOException {
        Path keys = write(file(ApiKeyEntry.of(survey, T0, "survey-tool")), 1);
        ApiKeyRegistry registry = new ApiKeyRegistry(Optional.of(keys), Duration.ZERO, Clock.systemUTC());

        assertThat(registry.verify(survey)).map(ApiKeyEntry::primarySource).contains("survey-tool");
        assertThat(registry.verify(survey)).map(ApiKeyEntry::roles).contains(List.of(Roles.INGEST));
        assertThat(registry.verify(new ApiKey(survey.id(), crm.secret()))).as("right id, wrong secret").isEmpty();
        assertThat(registry.verify(crm)).as("unknown id").isEmpty();
    }

    @Test
    void anEditOfTheFileAddsAndRevokesKeysWithoutARestartAndABrokenEditKeepsTheKeysReadBefore() throws IOException {
        Path keys = write(file(ApiKeyEntry.of(survey, T0, "survey-tool")), 1);
        ApiKeyRegistry registry = new ApiKeyRegistry(Optional.of(keys), Duration.ZERO, Clock.systemUTC());
        assertThat(registry.verify(crm)).isEmpty();

        ApiKeyEntry revoked = new ApiKeyEntry(survey.id(), List.of("survey-tool"), survey.secretSha256(), null, T0, T0.plusSeconds(60));
        write(file(revoked, ApiKeyEntry.of(crm, T0, "crm")), 2);
        assertThat(registry.verify(crm)).map(ApiKeyEntry::primarySource).contains("crm");
        assertThat(registry.verify(survey)).as("revoked").isEmpty();

        write("{\"keys\": [", 3);
        assertThat(registry.verify(crm)).as("a file that does not parse changes nothing").isPresent();

        Files.delete(keys);
        assertThat(registry.verify(crm)).as("no file, no keys").isEmpty();
    }

    @Test
    void theFileIsCheckedAtMostOncePerReloadInterval() throws IOException {
        Path keys = write(file(ApiKeyEntry.of(survey, T0, "survey-tool")), 1);
        Clock[] now = {Clock.fixed(T0, ZoneOffset.UTC)};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        };
        ApiKeyRegistry registry = new ApiKeyRegistry(Optional.of(keys), Duration.ofSeconds(5), clock);
        assertThat(registry.verify(survey)).isPresent();

        write(file(ApiKeyEntry.of(crm, T0, "crm")), 2);
        assertThat(registry.verify(survey)).as("within the interval: not re-read yet").isPresent();
        now[0] = Clock.fixed(T0.plusSeconds(6), ZoneOffset.UTC);
        assertThat(registry.verify(survey)).as("after it: revoked by the edit").isEmpty();
        assertThat(registry.verify(crm)).isPresent();
    }

    @Test
    void withoutAFileNoKeyIsValid() {
        assertThat(new ApiKeyRegistry(Optional.empty(), Duration.ZERO, Clock.systemUTC()).verify(survey)).isEmpty();
    }

    @Test
    void onlyTextOfTheKeyFormParsesAndTheSecretNeverShowsInToString() {
        assertThat(ApiKey.parse(survey.text())).contains(survey);
        assertThat(ApiKey.parse("opk_short_x")).isEmpty();
        assertThat(ApiKey.parse("Bearer abc")).isEmpty();
        assertThat(ApiKey.parse(null)).isEmpty();
        assertThat(ApiKey.parse("opk_abcdefgh_" + "a".repeat(200))).isEmpty();
        assertThat(ApiKey.parse("opk_abcdefgh_" + "aB0_-".repeat(4))).contains(new ApiKey("abcdefgh", "aB0_-".repeat(4)));
        assertThat(ApiKey.parse("opk_abcdefgh_" + "a".repeat(64))).contains(new ApiKey("abcdefgh", "a".repeat(64)));
        assertThat(ApiKey.parse("opk_abcdefgh_" + "a".repeat(19))).as("secret too short").isEmpty();
        assertThat(ApiKey.parse("opk_abcdefgh_" + "a".repeat(65))).as("secret too long").isEmpty();
        assertThat(ApiKey.parse("opk_abcdEfgh_" + "a".repeat(30))).as("upper case in the id").isEmpty();
        assertThat(ApiKey.parse("opk_abcdefg_" + "a".repeat(30))).as("id of 7").isEmpty();
        assertThat(ApiKey.parse("opk_abcdefgh-" + "a".repeat(30))).as("no _ after the id").isEmpty();
        assertThat(ApiKey.parse("opk_abcdefgh_" + "a".repeat(29) + "=")).as("padding").isEmpty();
        assertThat(ApiKey.parse("opk_abcdefgh_" + "a".repeat(29) + "é")).as("not base64url").isEmpty();
        assertThat(ApiKey.parse("OPK_abcdefgh_" + "a".repeat(30))).as("prefix is case-sensitive").isEmpty();
        assertThat(ApiKey.parse("  " + survey.text() + "\n")).as("surrounding blanks").contains(survey);
        assertThat(survey.toString()).contains(survey.id()).doesNotContain(survey.secret());
        assertThat(ApiKeyAuthMechanism.sentKey(null, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((survey.text() + ":").getBytes()))).isEqualTo(survey.text());
        assertThat(ApiKeyAuthMechanism.sentKey(" " + crm.text() + " ", null)).isEqualTo(crm.text());
        assertThat(ApiKeyAuthMechanism.sentKey(null, "Bearer x")).isNull();
    }
}

package io.omnipulse.devstack.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The vendor webhook fixtures in {@code ingest-service/src/test/resources/sources/<vendor>/*.json}: each holds
 * one request as the vendor documents it ({@code request}), optional extra {@code headers}, and what OmniPulse
 * must make of it ({@code expected}: canonical {@code events} and {@code ignored} vendor events).
 *
 * <p>Times are written as placeholders, so that a fixture stays inside the accepted event-time window
 * whenever it runs: {@code {{now}}} or {@code {{now-90s}}} become ISO-8601 times inside strings,
 * {@code "{{epoch}}"} or {@code "{{epoch-90s}}"} (a whole value, with the quotes) become seconds since the
 * epoch as a number, and {@code {{epoch-90s}}} inside a longer string those digits.
 */
public final class VendorFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ISO = Pattern.compile("\\{\\{now(?:-(\\d+)s)?}}");
    private static final Pattern EPOCH_VALUE = Pattern.compile("\"\\{\\{epoch(?:-(\\d+)s)?}}\"");
    private static final Pattern EPOCH = Pattern.compile("\\{\\{epoch(?:-(\\d+)s)?}}");

    /** One fixture, its placeholders filled in for {@code now}. */
    public record Fixture(String vendor, String name, JsonNode headers, byte[] body, JsonNode expected) {

        /** The request body as the vendor sends it: the fixture's request, compact. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return vendor + "/" + name;
        }
    }

    private VendorFixtures() {
    }

    /** The fixtures directory of a checkout, from any module's directory. */
    public static Path directory(Path repoRoot) {
        return repoRoot.resolve("ingest-service/src/test/resources/sources");
    }

    /** Every fixture of every vendor, ordered by vendor and name, with times relative to {@code now}. */
    public static List<Fixture> all(Path directory, Instant now) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .map(f -> load(f, now.truncatedTo(ChronoUnit.SECONDS))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    public static List<Fixture> of(Path directory, String vendor, Instant now) {
        return all(directory.resolve(vendor), now);
    }

    private static Fixture load(Path file, Instant now) {
        try {
            String text = fill(Files.readString(file), now);
            JsonNode fixture = JSON.readTree(text);
            String vendor = file.getParent().getFileName().toString();
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            byte[] body = JSON.writeValueAsBytes(fixture.get("request"));
            return new Fixture(vendor, name, fixture.path("headers"), body, fixture.get("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + file, e);
        }
    }

    static String fill(String text, Instant now) {
        for (Pattern epoch : new Pattern[] {EPOCH_VALUE, EPOCH}) {
            text = epoch.matcher(text).replaceAll(m -> String.valueOf(now.minusSeconds(seconds(m)).getEpochSecond()));
        }
        return ISO.matcher(text).replaceAll(m -> now.minusSeconds(seconds(m)).toString());
    }

    private static long seconds(MatchResult m) {
        return m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    }
}

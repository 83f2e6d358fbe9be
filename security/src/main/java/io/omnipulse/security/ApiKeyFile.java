package io.omnipulse.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The key file's content: {@code {"keys": [{"id": "k7q2m9xa", "sources": ["acme-survey"], "sha256": "…",
 * "roles": ["ingest"], "createdAt": "…", "revokedAt": null}]}}. One format for the services that read
 * it and the tools that write it.
 */
public record ApiKeyFile(List<ApiKeyEntry> keys) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public ApiKeyFile {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** The file at {@code file}; IOException when it cannot be read or parsed. */
    static ApiKeyFile read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ApiKeyFile.class);
    }

    /** The whole file, as written to disk. */
    public String toJson() {
        return write(this, true);
    }

    /** One entry on one line, to paste into the file's {@code keys} array. */
    public static String toJson(ApiKeyEntry entry) {
        return write(entry, false);
    }

    private static String write(Object value, boolean pretty) {
        try {
            return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) : JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a key file of strings and instants always serializes", e);
        }
    }
}

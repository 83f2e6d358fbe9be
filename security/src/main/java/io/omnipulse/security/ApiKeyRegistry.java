package io.omnipulse.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The API keys of a key file, re-read when the file changes: at most once per {@code reloadInterval},
 * the file's modification time and size are compared with those last read. So a key is added or
 * revoked by editing the file (a Kubernetes Secret, a mounted file), without a restart. A file that
 * cannot be read or parsed keeps the keys last read (a typo must not lock every source out, nor let
 * anyone in) and is logged; a missing file means no keys, so every request is refused.
 */
public final class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);

    private record Read(Instant modified, long size, Map<String, ApiKeyEntry> byId) {
        static final Read NONE = new Read(Instant.EPOCH, -1, Map.of());
    }

    private final Path file;
    private final Duration reloadInterval;
    private final Clock clock;
    private volatile Read read = Read.NONE;
    private volatile Instant checkedAt = Instant.MIN;

    /** {@code file} empty: no key file configured, so no key is valid. */
    public ApiKeyRegistry(Optional<Path> file, Duration reloadInterval, Clock clock) {
        this.file = file.orElse(null);
        this.reloadInterval = reloadInterval;
        this.clock = clock;
        if (this.file == null) {
            LOG.info("no API key file configured (omnipulse.security.api-keys.file): no API key is accepted here");
        } else {
            reloadIfChanged();
            LOG.infof("API keys from %s: %d, of which %d revoked", this.file, read.byId().size(),
                    read.byId().values().stream().filter(ApiKeyEntry::isRevoked).count());
        }
    }

    /** The entry of {@code key} when its secret matches and it is not revoked. */
    public Optional<ApiKeyEntry> verify(ApiKey key) {
        if (file == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(checkedAt.plus(reloadInterval))) {
            checkedAt = now;
            reloadIfChanged();
        }
        ApiKeyEntry entry = read.byId().get(key.id());
        return entry != null && !entry.isRevoked() && key.matches(entry.sha256()) ? Optional.of(entry) : Optional.empty();
    }

    private synchronized void reloadIfChanged() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Instant modified = attributes.lastModifiedTime().toInstant();
            if (modified.equals(read.modified()) && attributes.size() == read.size()) {
                return;
            }
            ApiKeyFile content = ApiKeyFile.read(file);
            Map<String, ApiKeyEntry> byId = content.keys().stream()
                    .filter(ApiKeyEntry::isComplete)
                    .collect(Collectors.toUnmodifiableMap(ApiKeyEntry::id, Function.identity(), (a, b) -> b));
            if (read != Read.NONE) {
                LOG.infof("API key file %s changed: %d keys now", file, byId.size());
            }
            read = new Read(modified, attributes.size(), byId);
        } catch (NoSuchFileException e) {
            if (!read.byId().isEmpty()) {
                LOG.warnf("API key file %s is gone: every request that needs a key is refused", file);
            }
            read = Read.NONE;
        } catch (IOException | RuntimeException e) {
            // The message of a parse error may quote the file; it holds hashes only, never secrets.
            LOG.errorf("API key file %s cannot be read, keeping the %d keys read before: %s", file,
                    read.byId().size(), e.getMessage());
        }
    }
}

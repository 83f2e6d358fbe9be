package io.omnipulse.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where a service finds the API keys it accepts (env {@code OMNIPULSE_SECURITY_API_KEYS_FILE}). */
@ConfigMapping(prefix = "omnipulse.security.api-keys")
public interface ApiKeysConfig {

    /** The key file ({@link ApiKeyFile}); without one, no key is accepted. */
    Optional<Path> file();

    /** How often, at most, the file is checked for changes: the longest a revoked key still works. */
    @WithDefault("5S")
    Duration reloadInterval();
}

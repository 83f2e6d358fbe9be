package io.omnipulse.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The console's own settings (env {@code OMNIPULSE_CONSOLE_*}); the services' URLs are REST client settings. */
@ConfigMapping(prefix = "omnipulse.console")
public interface ConsoleConfig {

    /**
     * A bearer token that signs in every request which brings none: the local stack's way of opening
     * the console without a login (the launcher passes a lead's or admin's development token). Never
     * set in production, where the authenticating proxy in front brings each person's own token.
     */
    Optional<String> localToken();

    /** Alerts on one page of the queue. */
    @WithDefault("50")
    int pageSize();
}

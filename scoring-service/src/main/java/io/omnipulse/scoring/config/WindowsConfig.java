package io.omnipulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When the trailing windows move on to a new day (application.properties, prefix omnipulse.scoring.windows). */
@ConfigMapping(prefix = "omnipulse.scoring.windows")
public interface WindowsConfig {

    /**
     * How often (wall-clock) each task checks whether its day has changed, and if so re-publishes
     * the windows that a day bucket has left. A new day shows on the scores topic at most this late.
     */
    @WithDefault("PT1M")
    Duration rolloverCheckInterval();
}

package io.omnipulse.alerting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Business settings of the alert rules; defaults follow shared/cx-domain.md. */
@ConfigMapping(prefix = "omnipulse.alerting")
public interface AlertingConfig {

    Nps nps();

    /** NPS detractor alerts. */
    interface Nps {

        /** Highest NPS score that counts as a detractor (promoter 9-10, passive 7-8). */
        @WithDefault("6")
        int detractorMax();

        /** Highest detractor score whose alert is CRITICAL rather than HIGH. */
        @WithDefault("3")
        int criticalMax();
    }
}

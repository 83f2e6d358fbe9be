package io.omnipulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The guard on the merge-folds topic ({@code omnipulse.loop-guard.*}, the same key in profile-service). */
@ConfigMapping(prefix = "omnipulse.loop-guard")
public interface LoopGuardConfig {

    /**
     * Hops a record may make through the internal loop topic before it is refused as circulating:
     * counted in omnipulse_loop_guard_tripped_total and sent to the dead-letter topic. A merge fold
     * makes one hop per merge in a chain, so this lies far above any legitimate path.
     */
    @WithDefault("64")
    int maxHops();
}

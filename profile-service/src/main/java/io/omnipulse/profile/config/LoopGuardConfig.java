package io.omnipulse.profile.config;

import io.omnipulse.profile.streams.ProfileTopology;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The guard on the identity loop topic ({@code omnipulse.loop-guard.*}, the same key in scoring-service). */
@ConfigMapping(prefix = "omnipulse.loop-guard")
public interface LoopGuardConfig {

    /**
     * Hops a message may make through the loop topic, counted from the contact event that caused it,
     * before it is refused as circulating: counted in omnipulse_loop_guard_tripped_total and sent to
     * the dead-letter topic. Far above the longest chain identity resolution makes on messy data.
     */
    @WithDefault(ProfileTopology.DEFAULT_MAX_LOOP_HOPS_TEXT)
    int maxHops();
}

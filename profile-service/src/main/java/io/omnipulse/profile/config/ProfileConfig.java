package io.omnipulse.profile.config;

import io.omnipulse.profile.domain.ProfileLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Business settings of profile-service ({@code omnipulse.profile.*}). */
@ConfigMapping(prefix = "omnipulse.profile")
public interface ProfileConfig {

    /** Values kept per identifier type; further values of that type are ignored. */
    @WithDefault("10")
    int identifiersPerType();

    /** Journey entries kept per customer, the latest by event time. */
    @WithDefault("20")
    int journeySize();

    /** Dedup keys remembered per customer; a redelivery older than that is counted again. */
    @WithDefault("200")
    int recentEventKeys();

    /** Conversation ids remembered per customer. */
    @WithDefault("50")
    int conversations();

    /** How long to wait for the instance that owns a key when forwarding a query to it. */
    @WithDefault("2s")
    Duration forwardTimeout();

    default ProfileLimits limits() {
        return new ProfileLimits(identifiersPerType(), journeySize(), recentEventKeys(), conversations());
    }
}

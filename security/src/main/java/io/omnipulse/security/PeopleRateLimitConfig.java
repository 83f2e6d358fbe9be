package io.omnipulse.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many requests a person (a bearer token's subject) may send to one instance; env
 * {@code OMNIPULSE_SECURITY_PEOPLE_RATE_LIMIT_REQUESTS_PER_SECOND} and {@code ..._BURST}. Generous for a
 * screen that loads a page in a dozen calls; tight enough that one leaked token or runaway script
 * cannot take an instance's capacity from everyone else.
 */
@ConfigMapping(prefix = "omnipulse.security.people-rate-limit")
public interface PeopleRateLimitConfig {

    @WithDefault("50")
    long requestsPerSecond();

    /** Requests a person may send at once after a quiet spell. */
    @WithDefault("100")
    long burst();
}

package io.omnipulse.queries;

import java.time.Duration;

/**
 * What a service decides about its interactive queries. Each service produces one bean from its own
 * configuration (omnipulse.profile.forward-timeout, omnipulse.scoring.forward-timeout and
 * retry-after-seconds), so no new property is needed and each keeps its documented values.
 *
 * @param forwardTimeout how long to wait for the owning instance, connecting and answering
 * @param retryAfterSeconds Retry-After of a 503 while stores are not queryable
 */
public record QuerySettings(Duration forwardTimeout, long retryAfterSeconds) {
}

package io.omnipulse.alerting.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides what an enrichment attempt leads to: done when every configured part is in, otherwise a
 * retry after an exponential backoff, until the attempts run out. Pure, so it is tested plainly.
 */
public record ContextProgress(int maxAttempts, Duration backoff) {

    /** The outcome of one attempt: the new status, the attempts so far and when to try next. */
    public record Step(ContextStatus status, int attempts, Instant nextAt) {
    }

    /**
     * @param attemptsBefore attempts made before this one
     * @param missingParts   configured parts (journey, scores) still not fetched after this one
     */
    public Step after(int attemptsBefore, int missingParts, Instant now) {
        int attempts = attemptsBefore + 1;
        if (missingParts == 0) {
            return new Step(ContextStatus.FETCHED, attempts, now);
        }
        if (attempts >= maxAttempts) {
            return new Step(ContextStatus.UNAVAILABLE, attempts, now);
        }
        long factor = 1L << Math.min(attempts - 1, 16);
        return new Step(ContextStatus.PENDING, attempts, now.plus(backoff.multipliedBy(factor)));
    }
}

package io.omnipulse.alerting.notify;

import java.time.Duration;

/** Exponential backoff: {@code initial} after the first failure, doubled after each further one, capped. */
public record Backoff(Duration initial, Duration max) {

    /** The wait after {@code failures} failed attempts (1 = after the first). */
    public Duration after(int failures) {
        if (failures <= 1) {
            return min(initial, max);
        }
        int shift = Math.min(failures - 1, 30);
        Duration wait = initial.multipliedBy(1L << shift);
        return min(wait, max);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

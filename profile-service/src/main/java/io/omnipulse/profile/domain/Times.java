package io.omnipulse.profile.domain;

import java.time.Instant;

/** Null-tolerant min/max of instants: a profile without contacts has none. */
final class Times {

    private Times() {
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}

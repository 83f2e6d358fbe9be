package io.omnipulse.devstack.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** What the latency benches share: sending at a steady rate, and how their delays are summarised. */
final class SteadyLoad {

    private final long start = System.nanoTime();
    private final long intervalNanos;

    SteadyLoad(double perSecond) {
        this.intervalNanos = (long) (1e9 / perSecond);
    }

    /**
     * Waits until the {@code i}-th send is due. Due times follow the start, not the previous send, so a
     * slow answer never lowers the offered rate (no coordinated omission); and it parks rather than
     * spins, because the bench shares the cores with the stack under test.
     */
    void awaitTurn(int i) {
        long wait = dueNanos(i) - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** When the {@code i}-th send was due, on the {@link System#nanoTime()} clock. */
    long dueNanos(int i) {
        return start + i * intervalNanos;
    }

    /** "p50 .. ms, p90 .. ms, p99 .. ms, max .. ms" of the given delays (in any order). */
    static String percentiles(List<Long> delaysMillis) {
        List<Long> sorted = new ArrayList<>(delaysMillis);
        Collections.sort(sorted);
        return String.format("p50 %d ms, p90 %d ms, p99 %d ms, max %d ms", percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    /** The {@code p}-th percentile of sorted values (nearest rank). */
    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

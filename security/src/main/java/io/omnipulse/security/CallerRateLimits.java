package io.omnipulse.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per caller (an API key's id): {@code perSecond} tokens a second, up to {@code burst}
 * saved up. A request costs what it carries (an event batch, its events), so one source cannot take
 * the capacity that all share. Buckets live in memory per instance: N instances allow N times the
 * rate, which is what a limit against a runaway source needs (not a quota to bill by).
 */
public final class CallerRateLimits {

    /** Callers remembered at most; beyond, all buckets start afresh (callers are API keys, a few hundred). */
    static final int MAX_CALLERS = 10_000;

    private final long perSecond;
    private final long burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CallerRateLimits(long perSecond, long burst) {
        if (perSecond < 1 || burst < perSecond) {
            throw new IllegalArgumentException("need 1 <= per-second <= burst, not " + perSecond + " and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /**
     * Takes {@code cost} tokens of {@code caller}'s bucket: 0 when they were there, else the whole seconds
     * (at least one) after which they will be, for Retry-After; nothing is taken then.
     */
    public long tryTake(String caller, long cost) {
        if (buckets.size() >= MAX_CALLERS && !buckets.containsKey(caller)) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(caller, c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(Math.min(Math.max(cost, 1), burst));
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}

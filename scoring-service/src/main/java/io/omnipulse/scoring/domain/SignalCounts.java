package io.omnipulse.scoring.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * How many customers have each {@link EffortSignal}: exact counts, so that taking a customer's
 * contribution out restores the counts before it. Zero counts are left out, so that equal counts are
 * equal maps; a count is negative only in a delta that takes customers out.
 */
public record SignalCounts(Map<EffortSignal, Long> counts) {

    public static final SignalCounts NONE = new SignalCounts(Map.of());

    public SignalCounts {
        EnumMap<EffortSignal, Long> nonZero = new EnumMap<>(EffortSignal.class);
        if (counts != null) {
            counts.forEach((signal, n) -> {
                if (n != 0) {
                    nonZero.put(signal, n);
                }
            });
        }
        // EnumMap: iterated in signal order, so that the binary form of equal counts is the same.
        counts = Collections.unmodifiableMap(nonZero);
    }

    /** One customer with {@code signals}. */
    public static SignalCounts ofOne(Set<EffortSignal> signals) {
        EnumMap<EffortSignal, Long> one = new EnumMap<>(EffortSignal.class);
        signals.forEach(signal -> one.put(signal, 1L));
        return new SignalCounts(one);
    }

    /** Customers with {@code signal}. */
    public long of(EffortSignal signal) {
        return counts.getOrDefault(signal, 0L);
    }

    public SignalCounts plus(SignalCounts o) {
        return counts.isEmpty() ? o : plusTimes(o, 1);
    }

    /** These counts without those of {@code o}. */
    public SignalCounts minus(SignalCounts o) {
        return plusTimes(o, -1);
    }

    private SignalCounts plusTimes(SignalCounts o, long sign) {
        // Most changes of a customer's effort leave the signals alone: their deltas have none.
        if (o.counts.isEmpty()) {
            return this;
        }
        EnumMap<EffortSignal, Long> result = new EnumMap<>(EffortSignal.class);
        result.putAll(counts);
        o.counts.forEach((signal, n) -> result.merge(signal, sign * n, Long::sum));
        return new SignalCounts(result);
    }
}

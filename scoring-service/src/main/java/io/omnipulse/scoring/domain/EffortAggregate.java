package io.omnipulse.scoring.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The effort index over the customers of one scope key (global, a channel or a team), kept as
 * integer sums so that a customer's old contribution can be taken out exactly when it changes.
 * A customer belongs to the channel and team of their latest interaction.
 *
 * <p>Agreement with CES, over the customers that have both an index x (0..100) and CES answers:
 * y is their hardness {@code 100 - mean ease}, kept in hundredths of a point so that the sums stay
 * integers. Pearson's r = (n Sxy - Sx Sy) / sqrt((n Sxx - Sx^2)(n Syy - Sy^2)): near +1 when
 * customers with more behavioural effort also said it was harder, near 0 when the two are unrelated.
 *
 * <p>What drives the scope's effort: per {@link EffortSignal}, the customers whose index has it. Like
 * the other sums it is a count over the customers' current states, so a customer who moves to another
 * team or whose index changes takes their old signals out and brings the new ones in.
 *
 * @param customers customers with an index; {@code indexSum} the sum of their indexes
 * @param pairs     customers with an index and CES answers; the sums x and y are over them
 * @param signals   per signal, the customers with an index that has it
 */
public record EffortAggregate(long customers, long indexSum, long pairs, long sumX, long sumY, long sumXX,
        long sumYY, long sumXY, SignalCounts signals) {

    public static final EffortAggregate EMPTY = new EffortAggregate(0, 0, 0, 0, 0, 0, 0, 0, SignalCounts.NONE);

    public EffortAggregate {
        signals = signals == null ? SignalCounts.NONE : signals;
    }

    /** What one customer's state contributes to the scope keys it belongs to. */
    public static EffortAggregate of(EffortState state) {
        if (state == null || state.index() == null) {
            return EMPTY;
        }
        long x = state.index();
        SignalCounts signals = SignalCounts.ofOne(state.signals());
        Double ease = state.meanEase();
        if (ease == null) {
            return new EffortAggregate(1, x, 0, 0, 0, 0, 0, 0, signals);
        }
        long y = Math.round(100 * (100 - ease));
        return new EffortAggregate(1, x, 1, x, y, x * x, y * y, x * y, signals);
    }

    /** The scope keys (stored form) a customer's state counts in: global, its channel, its team. */
    public static List<String> keysOf(EffortState state) {
        List<String> keys = new ArrayList<>(3);
        if (state == null || state.index() == null) {
            return keys;
        }
        keys.add(ScopeKey.global().format());
        if (state.channel() != null) {
            keys.add(new ScopeKey(Scope.CHANNEL, state.channel().wire()).format());
        }
        if (state.team() != null && !state.team().isBlank()) {
            keys.add(new ScopeKey(Scope.TEAM, state.team().trim()).format());
        }
        return keys;
    }

    public EffortAggregate plus(EffortAggregate o) {
        return new EffortAggregate(customers + o.customers, indexSum + o.indexSum, pairs + o.pairs, sumX + o.sumX,
                sumY + o.sumY, sumXX + o.sumXX, sumYY + o.sumYY, sumXY + o.sumXY, signals.plus(o.signals));
    }

    public EffortAggregate minus(EffortAggregate o) {
        return new EffortAggregate(customers - o.customers, indexSum - o.indexSum, pairs - o.pairs, sumX - o.sumX,
                sumY - o.sumY, sumXX - o.sumXX, sumYY - o.sumYY, sumXY - o.sumXY, signals.minus(o.signals));
    }

    public boolean addsNothing() {
        return equals(EMPTY);
    }

    /** Mean index of the customers, one decimal; null without customers. */
    public Double meanIndex() {
        return customers == 0 ? null : Ratios.round((double) indexSum / customers);
    }

    /** The signals that some customers' index has, most customers first (ties in signal order). */
    public List<EffortSignal> drivers() {
        if (customers <= 0) {
            return List.of();
        }
        return Arrays.stream(EffortSignal.values()).filter(s -> signals.of(s) > 0)
                .sorted(Comparator.comparingLong(signals::of).reversed()).toList();
    }

    /** Percent of the customers whose index has {@code signal}, one decimal; null without customers. */
    public Double share(EffortSignal signal) {
        return Ratios.percent(signals.of(signal), customers);
    }

    /** Pearson's r between index and CES hardness, two decimals; null below 2 pairs or without spread. */
    public Double pearson() {
        if (pairs < 2) {
            return null;
        }
        double n = pairs;
        double varX = n * sumXX - (double) sumX * sumX;
        double varY = n * sumYY - (double) sumY * sumY;
        if (varX <= 0 || varY <= 0) {
            return null;
        }
        double r = (n * sumXY - (double) sumX * sumY) / Math.sqrt(varX * varY);
        return Math.round(r * 100) / 100.0;
    }
}

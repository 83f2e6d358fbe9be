package io.omnipulse.scoring.domain;

import java.util.ArrayList;
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
 * @param customers customers with an index; {@code indexSum} the sum of their indexes
 * @param pairs     customers with an index and CES answers; the other sums are over them
 */
public record EffortAggregate(long customers, long indexSum, long pairs, long sumX, long sumY, long sumXX,
        long sumYY, long sumXY) {

    public static final EffortAggregate EMPTY = new EffortAggregate(0, 0, 0, 0, 0, 0, 0, 0);

    /** What one customer's state contributes to the scope keys it belongs to. */
    public static EffortAggregate of(EffortState state) {
        if (state == null || state.index() == null) {
            return EMPTY;
        }
        long x = state.index();
        Double ease = state.meanEase();
        if (ease == null) {
            return new EffortAggregate(1, x, 0, 0, 0, 0, 0, 0);
        }
        long y = Math.round(100 * (100 - ease));
        return new EffortAggregate(1, x, 1, x, y, x * x, y * y, x * y);
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
                sumY + o.sumY, sumXX + o.sumXX, sumYY + o.sumYY, sumXY + o.sumXY);
    }

    public EffortAggregate minus(EffortAggregate o) {
        return plus(new EffortAggregate(-o.customers, -o.indexSum, -o.pairs, -o.sumX, -o.sumY, -o.sumXX, -o.sumYY,
                -o.sumXY));
    }

    public boolean addsNothing() {
        return equals(EMPTY);
    }

    /** Mean index of the customers, one decimal; null without customers. */
    public Double meanIndex() {
        return customers == 0 ? null : Ratios.round((double) indexSum / customers);
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

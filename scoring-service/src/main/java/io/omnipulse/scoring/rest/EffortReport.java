package io.omnipulse.scoring.rest;

import io.omnipulse.scoring.domain.EffortState;
import java.time.Instant;
import java.util.List;

/**
 * One customer's behavioural effort index (0 effortless .. 100) and the drivers that made it.
 *
 * @param updatedAt     event time of the latest interaction the index was computed from
 * @param latestChannel channel of that interaction; the customer counts towards its channel mean
 * @param latestTeam    team of that interaction; the customer counts towards its team mean
 * @param ces           the customer's own CES answers, to compare with the index
 */
public record EffortReport(String customerId, Integer index, List<String> drivers, Instant updatedAt,
        String latestChannel, String latestTeam, Ces ces) {

    /** @param meanEase 0 (hardest) .. 100 (easiest), one decimal; null without answers */
    public record Ces(long n, Double meanEase) {
    }

    static EffortReport of(String customerId, EffortState state) {
        Double ease = state.meanEase();
        return new EffortReport(customerId, state.index(), state.drivers(),
                state.index() == null ? null : Instant.ofEpochMilli(state.updatedAt()),
                state.channel() == null ? null : state.channel().wire(), state.team(),
                new Ces(state.cesN(), ease == null ? null : Math.round(ease * 10) / 10.0));
    }
}

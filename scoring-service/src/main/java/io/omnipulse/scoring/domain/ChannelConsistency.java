package io.omnipulse.scoring.domain;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ScoreUpdated;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Whether customers get the same service on every channel: per metric, the best and the worst
 * channel over one window and the spread between them (best - worst, in points). Only channels
 * with responses to that metric take part; with fewer than two there is nothing to compare and
 * the spread is null.
 */
public record ChannelConsistency(Spread nps, Spread ease) {

    /** One channel's score; {@code n} the responses it rests on. */
    public record ChannelScore(String channel, Double score, long n) {
    }

    public record Spread(ChannelScore best, ChannelScore worst, Double spread, int channels) {
    }

    /** From each channel's scores over the same window (channels without scores may be absent). */
    public static ChannelConsistency of(Map<Channel, ScoreUpdated> byChannel) {
        return new ChannelConsistency(
                spread(byChannel, s -> s.nps().score(), s -> s.nps().n()),
                spread(byChannel, s -> s.ces().meanEase(), s -> s.ces().n()));
    }

    private static Spread spread(Map<Channel, ScoreUpdated> byChannel, Function<ScoreUpdated, Double> score,
            ToLongFunction<ScoreUpdated> n) {
        List<ChannelScore> scored = byChannel.entrySet().stream()
                .filter(e -> e.getValue() != null && n.applyAsLong(e.getValue()) > 0)
                .map(e -> new ChannelScore(e.getKey().wire(), score.apply(e.getValue()), n.applyAsLong(e.getValue())))
                .sorted(Comparator.comparing(ChannelScore::score).reversed().thenComparing(ChannelScore::channel))
                .toList();
        if (scored.isEmpty()) {
            return new Spread(null, null, null, 0);
        }
        ChannelScore best = scored.get(0);
        ChannelScore worst = scored.get(scored.size() - 1);
        Double spread = scored.size() < 2 ? null : Ratios.round(best.score() - worst.score());
        return new Spread(best, worst, spread, scored.size());
    }
}

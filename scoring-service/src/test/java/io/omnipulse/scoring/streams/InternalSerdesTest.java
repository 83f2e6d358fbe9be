package io.omnipulse.scoring.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortSignal;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.domain.SignalCounts;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The binary internal formats: every field survives a round trip; a version byte first; others refused. */
class InternalSerdesTest {

    static final FeedbackDetails CES_1_0 = new FeedbackDetails(Metric.CES, 4, new Scale(1, 5, false), "hard ü",
            "conv-1");
    static final ScoreTally TALLY = ScoreTally.EMPTY.add(new FeedbackDetails(Metric.NPS, 9, null, null, null))
            .add(new FeedbackDetails(Metric.NPS, 2, null, null, null))
            .add(new FeedbackDetails(Metric.CSAT, 5, null, null, null))
            .add(CES_1_0)
            .add(new FeedbackDetails(Metric.CES, 6, null, null, null));

    static <T> T roundTrip(Serde<T> serde, T value) {
        return roundTrip(serde, value, 1);
    }

    static <T> T roundTrip(Serde<T> serde, T value, int version) {
        byte[] bytes = serde.serializer().serialize("t", value);
        assertThat(bytes[0]).as("version byte").isEqualTo((byte) version);
        return serde.deserializer().deserialize("t", bytes);
    }

    /** A version after the one written is refused (the one before may be read: see StoredBeforeSignalsTest). */
    static <T> void refusesOtherVersions(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        int next = bytes[0] + 1;
        bytes[0] = (byte) next;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown")
                .hasMessageContaining(String.valueOf(next));
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[0]))
                .isInstanceOf(SerializationException.class);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void scopeTotals() {
        for (ScopeTotals totals : List.of(new ScopeTotals(TALLY, 3, 20_000L, 1_700_000_000_000L),
                new ScopeTotals(ScoreTally.EMPTY, 0, null, 0), ScopeTotals.EMPTY)) {
            assertThat(roundTrip(InternalSerdes.TOTALS, totals)).isEqualTo(totals);
        }
        refusesOtherVersions(InternalSerdes.TOTALS, ScopeTotals.EMPTY);
    }

    @Test
    void effortAggregateWithItsSignalCounts() {
        EffortAggregate sum = new EffortAggregate(3, 150, 2, 90, -40, 4_100, 1_600, -3_600,
                new SignalCounts(Map.of(EffortSignal.TRANSFERS, 2L, EffortSignal.REPEAT_CONTACTS, 3L)));
        // A delta through the repartition takes customers out: negative counts.
        EffortAggregate delta = EffortAggregate.EMPTY.minus(sum);
        for (EffortAggregate value : List.of(sum, delta, EffortAggregate.EMPTY,
                new EffortAggregate(1, 2, 3, 4, 5, 6, 7, 8, SignalCounts.NONE))) {
            assertThat(roundTrip(InternalSerdes.EFFORT_SUM, value, 2)).isEqualTo(value);
        }
        assertThat(roundTrip(InternalSerdes.EFFORT_SUM, delta, 2).signals().of(EffortSignal.TRANSFERS)).isEqualTo(-2);
        refusesOtherVersions(InternalSerdes.EFFORT_SUM, sum);
    }

    @Test
    void everySignalHasItsOwnCode() {
        EnumMap<EffortSignal, Long> all = new EnumMap<>(EffortSignal.class);
        for (EffortSignal signal : EffortSignal.values()) {
            all.put(signal, signal.ordinal() + 1L);
        }
        EffortAggregate sum = new EffortAggregate(6, 0, 0, 0, 0, 0, 0, 0, new SignalCounts(all));

        assertThat(roundTrip(InternalSerdes.EFFORT_SUM, sum, 2)).isEqualTo(sum);
    }

    @Test
    void scopeUpdatesOfEveryKind() {
        List<ScopeUpdate> updates = List.of(
                ScopeUpdate.response(new ScoredResponse(CES_1_0, 1_700_000_000_000L, false)),
                ScopeUpdate.retraction(new ScoredResponse(new FeedbackDetails(Metric.NPS, 10, null, null, null), -5, true)),
                ScopeUpdate.response(new ScoredResponse(
                        new FeedbackDetails(Metric.CES, 3, new Scale(1, 7, null), null, null), 7, false)),
                ScopeUpdate.response(new ScoredResponse(
                        new FeedbackDetails(Metric.CES, 3, new Scale(null, null, true), "", ""), 7, false)),
                ScopeUpdate.handOver("customer-2"),
                ScopeUpdate.absorb(new ScopeFold(TALLY, 2, 99, Map.of(20_000L, TALLY, 19_990L, ScoreTally.EMPTY))),
                ScopeUpdate.absorb(new ScopeFold(null, 0, 0, null)),
                ScopeUpdate.forget(new ScopeUpdate.Erasure("erasure ü", Instant.parse("2025-01-06T09:00:00.123456789Z"), 17)),
                ScopeUpdate.forget(new ScopeUpdate.Erasure(null, null, 0)),
                ScopeUpdate.alreadyErased(new ScopeUpdate.Erasure("erasure-2", Instant.EPOCH, 0)));
        for (ScopeUpdate update : updates) {
            assertThat(roundTrip(InternalSerdes.SCOPE_UPDATE, update)).isEqualTo(update);
        }
        refusesOtherVersions(InternalSerdes.SCOPE_UPDATE, ScopeUpdate.handOver("x"));
    }

    @Test
    void theForgetKindIsAppendedAndLeavesTheLayoutOfTheOtherKindsAsItWas() {
        // Version 1, kind 3 (hand-over), no response, survivor "x", no fold: as written before kind 7 existed.
        assertThat(InternalSerdes.SCOPE_UPDATE.serializer().serialize("t", ScopeUpdate.handOver("x")))
                .containsExactly(1, 3, 0, 2, 'x', 0);
        byte[] forget = InternalSerdes.SCOPE_UPDATE.serializer().serialize("t",
                ScopeUpdate.forget(new ScopeUpdate.Erasure("e", null, 5)));
        assertThat(forget[0]).isEqualTo((byte) 1);
        assertThat(forget[1]).isEqualTo((byte) 7);
        assertThat(InternalSerdes.SCOPE_UPDATE.serializer().serialize("t",
                ScopeUpdate.alreadyErased(new ScopeUpdate.Erasure("e", null, 0)))[1]).isEqualTo((byte) 8);
    }

    @Test
    void theTopologyUsesThemOnItsHottestHops() {
        assertThat(ScoringTopology.SCOPE_UPDATE_SERDE).isSameAs(InternalSerdes.SCOPE_UPDATE);
        assertThat(ScoringTopology.TOTALS_SERDE).isSameAs(InternalSerdes.TOTALS);
        assertThat(ScoringTopology.EFFORT_SUM_SERDE).isSameAs(InternalSerdes.EFFORT_SUM);
    }
}

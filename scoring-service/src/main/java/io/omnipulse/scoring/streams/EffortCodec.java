package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortSignal;
import io.omnipulse.scoring.domain.SignalCounts;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.EnumCodes;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Effort signals and aggregates in this service's binary formats. A customer's signals: (count + 1),
 * then their codes ({@link #SIGNALS}). An aggregate: its eight longs in declaration order, then (since
 * version 2) (count + 1) signals, each its code and its count of customers (i64), in signal order.
 */
final class EffortCodec {

    /** Append only: a stored code must keep meaning the signal it was written for. */
    static final EnumCodes<EffortSignal> SIGNALS = EnumCodes.of(EffortSignal.class, EffortSignal.REPEAT_CONTACTS,
            EffortSignal.CHANNEL_SWITCHES, EffortSignal.TRANSFERS, EffortSignal.LONG_WAITS,
            EffortSignal.ABANDONED_CONTACTS, EffortSignal.REOPENED_CONVERSATIONS);

    private EffortCodec() {
    }

    static void writeSignals(BinaryWriter out, Set<EffortSignal> signals) {
        out.varint(signals.size() + 1);
        signals.forEach(signal -> SIGNALS.write(out, signal));
    }

    static Set<EffortSignal> readSignals(BinaryReader in) {
        Set<EffortSignal> signals = EnumSet.noneOf(EffortSignal.class);
        for (int i = in.count(); i > 0; i--) {
            signals.add(signal(in));
        }
        return signals;
    }

    static void writeSum(BinaryWriter out, EffortAggregate sum) {
        out.i64(sum.customers()).i64(sum.indexSum()).i64(sum.pairs()).i64(sum.sumX()).i64(sum.sumY())
                .i64(sum.sumXX()).i64(sum.sumYY()).i64(sum.sumXY());
        Map<EffortSignal, Long> counts = sum.signals().counts();
        out.varint(counts.size() + 1);
        counts.forEach((signal, n) -> {
            SIGNALS.write(out, signal);
            out.i64(n);
        });
    }

    static EffortAggregate readSum(BinaryReader in) {
        return new EffortAggregate(in.i64(), in.i64(), in.i64(), in.i64(), in.i64(), in.i64(), in.i64(), in.i64(),
                readCounts(in));
    }

    private static SignalCounts readCounts(BinaryReader in) {
        Map<EffortSignal, Long> counts = new EnumMap<>(EffortSignal.class);
        for (int i = in.count(); i > 0; i--) {
            EffortSignal signal = signal(in);
            if (counts.put(signal, in.i64()) != null) {
                throw new SerializationException("effort signal " + signal + " counted twice");
            }
        }
        return new SignalCounts(counts);
    }

    private static EffortSignal signal(BinaryReader in) {
        EffortSignal signal = SIGNALS.read(in);
        if (signal == null) {
            throw new SerializationException("effort signal code 0 (null) in a set of signals");
        }
        return signal;
    }
}

package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.CesCounts;
import io.omnipulse.scoring.domain.CsatCounts;
import io.omnipulse.scoring.domain.NpsCounts;
import io.omnipulse.scoring.domain.ScoreTally;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Day buckets in a compact binary form: every update reads up to 90 of them, and JSON would cost
 * far more than the arithmetic. Layout (version 1): version byte, NPS promoters, passives,
 * detractors, CSAT n, satisfied, CES n, high effort (longs), then the number of CES ranges (int)
 * and per range its width (int) and sum of steps (long).
 */
final class TallySerde implements Serde<ScoreTally> {

    private static final byte VERSION = 1;

    @Override
    public Serializer<ScoreTally> serializer() {
        return (topic, tally) -> {
            if (tally == null) {
                return null;
            }
            Map<Integer, Long> steps = tally.ces().stepsByRange();
            ByteBuffer out = ByteBuffer.allocate(1 + 7 * Long.BYTES + Integer.BYTES + steps.size() * 12);
            out.put(VERSION).putLong(tally.nps().promoters()).putLong(tally.nps().passives())
                    .putLong(tally.nps().detractors()).putLong(tally.csat().n()).putLong(tally.csat().satisfied())
                    .putLong(tally.ces().n()).putLong(tally.ces().highEffort()).putInt(steps.size());
            steps.forEach((range, sum) -> out.putInt(range).putLong(sum));
            return out.array();
        };
    }

    @Override
    public Deserializer<ScoreTally> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != VERSION) {
                throw new SerializationException("unknown day-bucket format " + bytes[0]);
            }
            NpsCounts nps = new NpsCounts(in.getLong(), in.getLong(), in.getLong());
            CsatCounts csat = new CsatCounts(in.getLong(), in.getLong());
            long cesN = in.getLong();
            long highEffort = in.getLong();
            TreeMap<Integer, Long> steps = new TreeMap<>();
            for (int i = in.getInt(); i > 0; i--) {
                steps.put(in.getInt(), in.getLong());
            }
            return new ScoreTally(nps, new CesCounts(cesN, highEffort, steps), csat);
        };
    }
}

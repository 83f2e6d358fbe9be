package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;

/**
 * Day buckets in a compact binary form: there is one per scope key and day, rebuilding a scope key's
 * trailing windows reads up to 90 of them, and JSON would cost far more than the arithmetic. Layout
 * (version 1): version byte, then the tally as {@link TallyCodec} writes it, the one tally layout that
 * the other internal formats embed.
 */
final class TallySerde extends BinarySerde<ScoreTally> {

    TallySerde() {
        super("day bucket", 1, 1 + TallyCodec.TYPICAL_SIZE);
    }

    @Override
    protected void write(BinaryWriter out, ScoreTally tally) {
        TallyCodec.writeTally(out, tally);
    }

    @Override
    protected ScoreTally read(BinaryReader in) {
        return TallyCodec.readTally(in);
    }
}

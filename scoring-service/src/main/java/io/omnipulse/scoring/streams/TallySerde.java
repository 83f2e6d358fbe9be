package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.ScoreTally;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Day buckets in a compact binary form: there is one per scope key and day, rebuilding a scope key's
 * trailing windows reads up to 90 of them, and JSON would cost far more than the arithmetic. Layout
 * (version 1): version byte, NPS promoters, passives, detractors, CSAT n, satisfied, CES n, high
 * effort (longs), then the number of CES ranges (int) and per range its width (int) and sum of steps
 * (long): {@link BinaryFormat#writeTally}, which the other internal formats embed.
 */
final class TallySerde implements Serde<ScoreTally> {

    private static final byte VERSION = 1;
    private static final Serde<ScoreTally> FORMAT = BinaryFormat.serde("day-bucket", VERSION,
            BinaryFormat::writeTally, BinaryFormat::readTally);

    @Override
    public Serializer<ScoreTally> serializer() {
        return FORMAT.serializer();
    }

    @Override
    public Deserializer<ScoreTally> deserializer() {
        return FORMAT.deserializer();
    }
}

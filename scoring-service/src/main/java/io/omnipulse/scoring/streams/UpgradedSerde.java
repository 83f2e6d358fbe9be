package io.omnipulse.scoring.streams;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A binary format in its current version that still reads the version before it. Stores keep their
 * changelogs, and internal topics their records, across a release of the same application id: a value
 * the release before wrote must stay readable, or a new layout would need a new application id (and
 * every store rebuilt from the retained input). Writes only the current version.
 */
final class UpgradedSerde<T> extends BinarySerde<T> {

    private final BiConsumer<BinaryWriter, T> writer;
    private final Function<BinaryReader, T> reader;
    private final int previousVersion;
    private final BinarySerde<T> previous;

    private UpgradedSerde(String what, int version, int expectedSize, BiConsumer<BinaryWriter, T> writer,
            Function<BinaryReader, T> reader, Function<BinaryReader, T> previousReader) {
        super(what, version, expectedSize);
        this.writer = writer;
        this.reader = reader;
        this.previousVersion = version - 1;
        this.previous = readOnly(what, previousVersion, previousReader);
    }

    /** Writes and reads {@code version}; reads {@code version - 1} with {@code previousReader}. */
    static <T> UpgradedSerde<T> of(String what, int version, int expectedSize, BiConsumer<BinaryWriter, T> writer,
            Function<BinaryReader, T> reader, Function<BinaryReader, T> previousReader) {
        return new UpgradedSerde<>(what, version, expectedSize, writer, reader, previousReader);
    }

    /** An older version of a format, which this code reads (with the same checks) but never writes. */
    static <T> BinarySerde<T> readOnly(String what, int version, Function<BinaryReader, T> reader) {
        return BinarySerde.of(what, version, 0, (out, value) -> {
            throw new UnsupportedOperationException(what + " version " + version + " is read, never written");
        }, reader);
    }

    @Override
    protected void write(BinaryWriter out, T value) {
        writer.accept(out, value);
    }

    @Override
    protected T read(BinaryReader in) {
        return reader.apply(in);
    }

    @Override
    protected T readVersion(byte found, byte[] bytes) {
        return (found & 0xFF) == previousVersion ? previous.deserialize(null, bytes) : super.readVersion(found, bytes);
    }
}

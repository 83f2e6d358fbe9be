package io.omnipulse.streamsupport.binary;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact, versioned binary format for a value of the loop topic or a store: one version byte,
 * then the fields. Reading a version this code does not know, a record cut short or one with bytes
 * left over is a {@link SerializationException}, so the record goes to the dead-letter path instead
 * of being read as something it is not. A format change gets a new version; readers keep the old
 * one as long as records in it may still be read (stores: until the application id changes).
 */
public abstract class BinarySerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    /** A writer grown past this by a value is not kept for the next one: a rare huge value does not stay resident. */
    static final int MAX_KEPT_BYTES = 64 * 1024;

    private final String what;
    private final byte version;
    private final int expectedSize;
    /**
     * Each thread's writer between two values (a stream thread serialises one value at a time), so that
     * its buffer is not grown from {@code expectedSize} again for every value: the growing copies were
     * as much garbage as the values themselves.
     */
    private final ThreadLocal<BinaryWriter> spare = new ThreadLocal<>();

    protected BinarySerde(String what, int version, int expectedSize) {
        this.what = what;
        this.version = (byte) version;
        this.expectedSize = expectedSize;
    }

    /**
     * A format whose fields {@code writer} writes and {@code reader} reads, for values that need no
     * reader of an older version.
     */
    public static <T> BinarySerde<T> of(String what, int version, int expectedSize, BiConsumer<BinaryWriter, T> writer,
            Function<BinaryReader, T> reader) {
        return upgraded(what, version, expectedSize, writer, reader, null);
    }

    /**
     * As {@link #of}, and still reading the version before ({@code version - 1}) with
     * {@code previousReader}, never writing it: stores keep their changelogs across a release of the
     * same application id, so a new layout must read what the release before wrote (or take a new
     * application id, and every store rebuilt from the retained input).
     */
    public static <T> BinarySerde<T> upgraded(String what, int version, int expectedSize,
            BiConsumer<BinaryWriter, T> writer, Function<BinaryReader, T> reader,
            Function<BinaryReader, T> previousReader) {
        return new BinarySerde<>(what, version, expectedSize) {
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
                return previousReader != null && (found & 0xFF) == version - 1 ? readFields(bytes, previousReader)
                        : super.readVersion(found, bytes);
            }
        };
    }

    protected abstract void write(BinaryWriter out, T value);

    protected abstract T read(BinaryReader in);

    @Override
    public final byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        BinaryWriter out = spare.get();
        if (out == null) {
            out = new BinaryWriter(expectedSize);
        } else {
            // Taken while in use: a value whose writing serialises another with this serde gets its own.
            spare.remove();
        }
        try {
            out.reset().u8(version);
            write(out, value);
            return out.toByteArray();
        } finally {
            if (out.capacity() <= MAX_KEPT_BYTES) {
                spare.set(out);
            }
        }
    }

    @Override
    public final T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 0) {
            throw new SerializationException("empty " + what + " record");
        }
        return readVersion(bytes[0], bytes);
    }

    /** Reads the record after its version byte; a subclass may also read an older format first. */
    protected T readVersion(byte found, byte[] bytes) {
        if (found != version) {
            throw new SerializationException("unknown " + what + " format version " + (found & 0xFF)
                    + " (this code reads version " + version + ")");
        }
        return readFields(bytes, this::read);
    }

    /** Reads the fields after the version byte with {@code reader}: all of them, nothing left over. */
    protected final T readFields(byte[] bytes, Function<BinaryReader, T> reader) {
        try {
            BinaryReader in = new BinaryReader(bytes, 1);
            T value = reader.apply(in);
            in.end();
            return value;
        } catch (SerializationException e) {
            throw new SerializationException("cannot read " + what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // e.g. a domain constructor refusing what was read: the record is not one of ours
            throw new SerializationException("cannot read " + what, e);
        }
    }

    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the format is fixed by its version
    }

    @Override
    public final void close() {
        // nothing to release
    }

    @Override
    public final Serializer<T> serializer() {
        return this;
    }

    @Override
    public final Deserializer<T> deserializer() {
        return this;
    }
}

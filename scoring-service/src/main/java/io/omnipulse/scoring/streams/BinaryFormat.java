package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.CesCounts;
import io.omnipulse.scoring.domain.CsatCounts;
import io.omnipulse.scoring.domain.NpsCounts;
import io.omnipulse.scoring.domain.ScoreTally;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary forms for this service's own topics (repartitions) and stores, where JSON cost more
 * than the work done on the values. Never for the public topics, which keep the events module's JSON.
 *
 * <p>Every value starts with a version byte, so that a format can change: a reader refuses a version
 * it does not know with a {@link SerializationException} (the record goes to the dead letters, as any
 * unreadable record), rather than misreading it. Changing a format that is already stored needs a new
 * application id (application.properties), since the stores and internal topics of the old one hold
 * the old form. Big-endian fixed-width numbers ({@link DataOutputStream}); a nullable value has a
 * presence byte (0 absent, 1 present) first; a string is its UTF-8 length (int) and bytes. A tally is
 * written as in {@link TallySerde} after its version byte.
 */
final class BinaryFormat {

    private BinaryFormat() {
    }

    /** Writes a value's fields after the version byte. */
    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    /** Reads a value's fields after the version byte. */
    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** A serde writing {@code version} first and refusing any other version when reading. */
    static <T> Serde<T> serde(String what, byte version, Writer<T> writer, Reader<T> reader) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(version);
                writer.write(out, value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + what, e);
            }
            return bytes.toByteArray();
        };
        Deserializer<T> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length == 0 || data[0] != version) {
                throw new SerializationException("unknown " + what + " format "
                        + (data.length == 0 ? "(empty)" : Byte.toString(data[0])) + ", expected " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1))) {
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + what, e);
            }
        };
        return new Serde<>() {
            @Override
            public Serializer<T> serializer() {
                return serializer;
            }

            @Override
            public Deserializer<T> deserializer() {
                return deserializer;
            }
        };
    }

    static void writeTally(DataOutputStream out, ScoreTally tally) throws IOException {
        out.writeLong(tally.nps().promoters());
        out.writeLong(tally.nps().passives());
        out.writeLong(tally.nps().detractors());
        out.writeLong(tally.csat().n());
        out.writeLong(tally.csat().satisfied());
        out.writeLong(tally.ces().n());
        out.writeLong(tally.ces().highEffort());
        Map<Integer, Long> steps = tally.ces().stepsByRange();
        out.writeInt(steps.size());
        for (Map.Entry<Integer, Long> range : steps.entrySet()) {
            out.writeInt(range.getKey());
            out.writeLong(range.getValue());
        }
    }

    static ScoreTally readTally(DataInputStream in) throws IOException {
        NpsCounts nps = new NpsCounts(in.readLong(), in.readLong(), in.readLong());
        CsatCounts csat = new CsatCounts(in.readLong(), in.readLong());
        long cesN = in.readLong();
        long highEffort = in.readLong();
        TreeMap<Integer, Long> steps = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            steps.put(in.readInt(), in.readLong());
        }
        return new ScoreTally(nps, new CesCounts(cesN, highEffort, steps), csat);
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    static String readString(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    static void writeInteger(DataOutputStream out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    static Integer readInteger(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    static void writeBoolean(DataOutputStream out, Boolean value) throws IOException {
        out.writeByte(value == null ? 0 : value ? 2 : 1);
    }

    static Boolean readBoolean(DataInputStream in) throws IOException {
        byte b = in.readByte();
        return b == 0 ? null : b == 2;
    }

    /** An enum constant by name (names are stable on the wire; ordinals would shift with a new constant). */
    static <E extends Enum<E>> void writeEnum(DataOutputStream out, E value) throws IOException {
        writeString(out, value == null ? null : value.name());
    }

    static <E extends Enum<E>> E readEnum(DataInputStream in, Function<String, E> valueOf) throws IOException {
        String name = readString(in);
        return name == null ? null : valueOf.apply(name);
    }
}

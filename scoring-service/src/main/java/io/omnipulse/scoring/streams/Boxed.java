package io.omnipulse.scoring.streams;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Nullable numbers and booleans, and doubles, in this service's binary formats: a presence byte (0
 * absent, 1 present) then the value, so that null reads back as null and never as 0 or false.
 */
final class Boxed {

    private Boxed() {
    }

    static void writeInteger(BinaryWriter out, Integer value) {
        out.bool(value != null);
        if (value != null) {
            out.i32(value);
        }
    }

    static Integer readInteger(BinaryReader in) {
        return in.bool() ? in.i32() : null;
    }

    static void writeLong(BinaryWriter out, Long value) {
        out.bool(value != null);
        if (value != null) {
            out.i64(value);
        }
    }

    static Long readLong(BinaryReader in) {
        return in.bool() ? in.i64() : null;
    }

    /** One byte: 0 null, 1 false, 2 true. */
    static void writeBoolean(BinaryWriter out, Boolean value) {
        out.u8(value == null ? 0 : value ? 2 : 1);
    }

    static Boolean readBoolean(BinaryReader in) {
        int b = in.u8();
        if (b > 2) {
            throw new SerializationException("not a nullable boolean: " + b);
        }
        return b == 0 ? null : b == 2;
    }

    /** Its IEEE 754 bits: exact, whatever the value (a running sum of eases has no short decimal form). */
    static void writeDouble(BinaryWriter out, double value) {
        out.i64(Double.doubleToRawLongBits(value));
    }

    static double readDouble(BinaryReader in) {
        return Double.longBitsToDouble(in.i64());
    }
}

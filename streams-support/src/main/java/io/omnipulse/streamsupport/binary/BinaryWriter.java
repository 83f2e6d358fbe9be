package io.omnipulse.streamsupport.binary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Appends the primitives of the OmniPulse binary formats (internal topics and stores of the streams services) to a growing byte array. Every
 * nullable value says whether it is there, so that a value read back equals the one written
 * (null stays null, an empty list stays empty). {@link BinaryReader} reads what this writes.
 */
public final class BinaryWriter {

    private byte[] buf;
    private int size;

    public BinaryWriter(int expected) {
        buf = new byte[Math.max(16, expected)];
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Empties this writer for the next value, keeping its buffer. */
    BinaryWriter reset() {
        size = 0;
        return this;
    }

    /** How many bytes this writer holds before it has to grow. */
    int capacity() {
        return buf.length;
    }

    public BinaryWriter u8(int value) {
        ensure(1);
        buf[size++] = (byte) value;
        return this;
    }

    public BinaryWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    /** An int that is never negative, in 1 to 5 bytes (7 bits a byte): counts, lengths, hops. */
    public BinaryWriter varint(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative count " + value);
        }
        ensure(5);
        while ((value & ~0x7F) != 0) {
            buf[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[size++] = (byte) value;
        return this;
    }

    public BinaryWriter i32(int value) {
        ensure(4);
        buf[size++] = (byte) (value >>> 24);
        buf[size++] = (byte) (value >>> 16);
        buf[size++] = (byte) (value >>> 8);
        buf[size++] = (byte) value;
        return this;
    }

    public BinaryWriter i64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** Null as length 0, otherwise UTF-8 length + 1, then the bytes. */
    public BinaryWriter string(String value) {
        if (value == null) {
            return varint(0);
        }
        int length = value.length();
        if (!isAscii(value, length)) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length + 1);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buf, size, utf8.length);
            size += utf8.length;
            return this;
        }
        // Ids, codes, names: almost every string written is ASCII, whose UTF-8 is one byte a char, so it
        // is copied straight into the buffer instead of being encoded into an array of its own first
        // (that array was a tenth of what the stream threads allocated).
        varint(length + 1);
        ensure(length);
        copyAscii(value, length);
        return this;
    }

    private static boolean isAscii(String value, int length) {
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Each char's low byte, which for ASCII is its UTF-8 (an array copy for the JDK's one-byte strings). */
    @SuppressWarnings("deprecation")
    private void copyAscii(String value, int length) {
        value.getBytes(0, length, buf, size);
        size += length;
    }

    /** Null as one 0 byte, otherwise 1, epoch seconds and nanoseconds: exact, whatever the precision. */
    public BinaryWriter instant(Instant value) {
        if (value == null) {
            return u8(0);
        }
        return u8(1).i64(value.getEpochSecond()).i32(value.getNano());
    }

    /** Null as length 0, otherwise length + 1, then the bytes. */
    public BinaryWriter bytes(byte[] value) {
        if (value == null) {
            return varint(0);
        }
        varint(value.length + 1);
        ensure(value.length);
        System.arraycopy(value, 0, buf, size, value.length);
        size += value.length;
        return this;
    }

    /** Null as count 0, otherwise count + 1, then each string. */
    public BinaryWriter strings(List<String> values) {
        if (values == null) {
            return varint(0);
        }
        varint(values.size() + 1);
        for (String value : values) {
            string(value);
        }
        return this;
    }

    /** A nullable int: one presence byte (0 absent, 1 present), then the int as {@link #i32}. */
    public BinaryWriter nullableI32(Integer value) {
        return value == null ? u8(0) : u8(1).i32(value);
    }

    /** A nullable long: one presence byte (0 absent, 1 present), then the long as {@link #i64}. */
    public BinaryWriter nullableI64(Long value) {
        return value == null ? u8(0) : u8(1).i64(value);
    }

    /** A double as its IEEE 754 bits: exact, whatever the value (a running sum has no short decimal form). */
    public BinaryWriter f64(double value) {
        return i64(Double.doubleToRawLongBits(value));
    }

    /** A nullable boolean in one byte: 0 absent, 1 false, 2 true. */
    public BinaryWriter nullableBool(Boolean value) {
        return u8(value == null ? 0 : value ? 2 : 1);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}

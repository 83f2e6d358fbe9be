package io.omnipulse.streamsupport.binary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/** Reads what {@link BinaryWriter} wrote; a record cut short or malformed is a {@link SerializationException}. */
public final class BinaryReader {

    private final byte[] buf;
    private int pos;

    public BinaryReader(byte[] buf, int start) {
        this.buf = buf;
        this.pos = start;
    }

    public int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public boolean bool() {
        int b = u8();
        if (b > 1) {
            throw new SerializationException("not a boolean: " + b);
        }
        return b == 1;
    }

    public int varint() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new SerializationException("count out of range");
                }
                return value;
            }
        }
        throw new SerializationException("count longer than 5 bytes");
    }

    public int i32() {
        need(4);
        int value = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
                | buf[pos + 3] & 0xFF;
        pos += 4;
        return value;
    }

    public long i64() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | buf[pos++] & 0xFF;
        }
        return value;
    }

    public String string() {
        int length = varint();
        if (length == 0) {
            return null;
        }
        need(length - 1);
        String value = new String(buf, pos, length - 1, StandardCharsets.UTF_8);
        pos += length - 1;
        return value;
    }

    public Instant instant() {
        return bool() ? Instant.ofEpochSecond(i64(), i32()) : null;
    }

    public byte[] bytes() {
        int length = varint();
        if (length == 0) {
            return null;
        }
        need(length - 1);
        byte[] value = new byte[length - 1];
        System.arraycopy(buf, pos, value, 0, value.length);
        pos += value.length;
        return value;
    }

    public List<String> strings() {
        int count = varint();
        if (count == 0) {
            return null;
        }
        List<String> values = new ArrayList<>(Math.min(count - 1, remaining()));
        for (int i = 1; i < count; i++) {
            values.add(string());
        }
        return values;
    }

    /** Reads what {@link BinaryWriter#nullableI32} wrote. */
    public Integer nullableI32() {
        return bool() ? Integer.valueOf(i32()) : null;
    }

    /** Reads what {@link BinaryWriter#nullableI64} wrote. */
    public Long nullableI64() {
        return bool() ? Long.valueOf(i64()) : null;
    }

    /** Reads what {@link BinaryWriter#f64} wrote. */
    public double f64() {
        return Double.longBitsToDouble(i64());
    }

    /** Reads what {@link BinaryWriter#nullableBool} wrote. */
    public Boolean nullableBool() {
        int b = u8();
        if (b > 2) {
            throw new SerializationException("not a nullable boolean: " + b);
        }
        return b == 0 ? null : Boolean.valueOf(b == 2);
    }

    /** Reads the number of entries of a collection (null: -1), bounded by what is left to read. */
    public int count() {
        int count = varint() - 1;
        if (count > remaining()) {
            throw new SerializationException("count " + count + " beyond the end of the record");
        }
        return count;
    }

    /** The whole record was read: trailing bytes mean it was not written in this format. */
    public void end() {
        if (pos != buf.length) {
            throw new SerializationException((buf.length - pos) + " unexpected bytes at the end of the record");
        }
    }

    private int remaining() {
        return buf.length - pos;
    }

    private void need(int n) {
        if (n < 0 || n > remaining()) {
            throw new SerializationException("record cut short: " + n + " bytes needed, " + remaining() + " left");
        }
    }
}

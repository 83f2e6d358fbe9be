package io.omnipulse.scoring.streams;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The one-byte code of each constant of an enum in this service's binary formats: its index in the
 * list given here, never its {@code ordinal()}, so that reordering the enum changes nothing stored.
 * Append only: a code never changes meaning. Every constant must have a code (checked when the codes
 * are made), so that a constant added to the enum fails every test instead of one record in production.
 */
final class EnumCodes<E extends Enum<E>> {

    private final String what;
    private final List<E> byCode;

    @SafeVarargs
    EnumCodes(String what, E... byCode) {
        this.what = what;
        this.byCode = List.of(byCode);
        int constants = byCode[0].getDeclaringClass().getEnumConstants().length;
        if (this.byCode.size() != constants || this.byCode.stream().distinct().count() != constants) {
            throw new IllegalStateException("each " + what + " needs exactly one code");
        }
    }

    /** Null as 0, otherwise code + 1. */
    void write(BinaryWriter out, E value) {
        out.u8(value == null ? 0 : byCode.indexOf(value) + 1);
    }

    E read(BinaryReader in) {
        int code = in.u8();
        if (code > byCode.size()) {
            throw new SerializationException("unknown " + what + " code " + (code - 1));
        }
        return code == 0 ? null : byCode.get(code - 1);
    }
}

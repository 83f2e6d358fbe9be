package io.omnipulse.streamsupport.binary;

import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * One-byte codes of an enum's constants in a binary format: 0 is null, then each constant's position
 * in the list given here, plus one. Never the ordinal, so that reordering the enum cannot change what
 * stored bytes mean; the list is append only. A constant without a code fails when the codes are
 * built (class initialisation, hence every test), not when the first record carries it.
 */
public final class EnumCodes<E extends Enum<E>> {

    private final Class<E> type;
    private final List<E> byCode;
    private final int[] codeByOrdinal;

    private EnumCodes(Class<E> type, List<E> byCode) {
        this.type = type;
        this.byCode = byCode;
        this.codeByOrdinal = new int[type.getEnumConstants().length];
        for (int i = 0; i < byCode.size(); i++) {
            codeByOrdinal[byCode.get(i).ordinal()] = i + 1;
        }
    }

    /** The codes of {@code type}: its constants in code order, each exactly once (at most 255). */
    @SafeVarargs
    public static <E extends Enum<E>> EnumCodes<E> of(Class<E> type, E... inCodeOrder) {
        List<E> byCode = List.of(inCodeOrder);
        if (byCode.size() != type.getEnumConstants().length || !EnumSet.copyOf(byCode).equals(EnumSet.allOf(type))
                || byCode.size() > 255) {
            throw new IllegalStateException("every constant of " + type.getName()
                    + " needs exactly one code (append new ones at the end): " + byCode);
        }
        return new EnumCodes<>(type, byCode);
    }

    public void write(BinaryWriter out, E value) {
        out.u8(value == null ? 0 : codeByOrdinal[value.ordinal()]);
    }

    public E read(BinaryReader in) {
        int code = in.u8();
        if (code == 0) {
            return null;
        }
        if (code > byCode.size()) {
            throw new SerializationException("unknown " + type.getSimpleName() + " code " + code);
        }
        return byCode.get(code - 1);
    }
}

package io.omnipulse.events;

import java.util.Locale;

/** Shared parsing for enums that travel as lower-case strings ("email", "nps"). */
final class WireEnum {

    private WireEnum() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + allowed(type));
        }
    }

    /** Each enum's wire names by ordinal, computed once: every event written names several enums. */
    private static final ClassValue<String[]> WIRE_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            }
            return names;
        }
    };

    static String wire(Enum<?> value) {
        return WIRE_NAMES.get(value.getDeclaringClass())[value.ordinal()];
    }

    static <E extends Enum<E>> String allowed(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(wire(e));
        }
        return sb.toString();
    }
}

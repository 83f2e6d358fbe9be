package io.omnipulse.alerting.rest;

import io.omnipulse.problem.InvalidRequestException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses query parameters strictly: a bad value is a 400 that names the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    /** The constant named by {@code raw} in any case; null when the parameter is absent or blank. */
    static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw InvalidRequestException.field(name, "'" + raw + "' is not one of " + allowed);
        }
    }

    /** A comma-separated list of constants ({@code open,acknowledged}); empty when absent or blank. */
    static <E extends Enum<E>> Set<E> enumValues(String name, String raw, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (raw != null) {
            for (String one : raw.split(",", type.getEnumConstants().length + 1)) {
                E value = enumValue(name, one, type);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    static int intValue(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.field(name, "'" + raw + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw InvalidRequestException.field(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }
}

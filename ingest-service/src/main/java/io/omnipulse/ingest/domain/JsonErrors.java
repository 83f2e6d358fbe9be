package io.omnipulse.ingest.domain;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Says what a field should have been when Jackson could not read it. Jackson's own messages quote
 * the input ("Cannot deserialize ... from String \"ann@...\""); a problem document must not, since
 * the value may be personal data, so the message is built from the expected type alone.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            return "must be a whole number within range";
        }
        Class<?> target = null;
        if (e instanceof MismatchedInputException m) {
            target = m.getTargetType();
        } else if (e instanceof ValueInstantiationException v && v.getType() != null) {
            target = v.getType().getRawClass();
        }
        return target == null ? "has the wrong type or format" : expected(target);
    }

    static String expected(Class<?> target) {
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be a whole number within range";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == Instant.class) {
            return "must be an ISO-8601 timestamp string, e.g. 2025-03-01T10:15:30Z";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (target.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type or format";
    }
}

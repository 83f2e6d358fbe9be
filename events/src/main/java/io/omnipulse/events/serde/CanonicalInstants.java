package io.omnipulse.events.serde;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads and writes the instants every event carries in the form the services write them
 * ({@code 2026-11-30T09:45:52.123Z}: UTC, four-digit year, fraction digits) by hand, and leaves every
 * other form (offsets, lower case, leap seconds, 24:00, numbers, years past 9999) and every refusal to
 * Jackson's own {@link InstantDeserializer} and {@link InstantSerializer}. Jackson's go through
 * {@code DateTimeFormatter} for every value: 40 % of the time the services spent reading JSON, and a
 * third of what profile-service spent writing it (JFR under the bench). Same results: what these read
 * and write is exactly what Jackson's read and write ({@code CanonicalInstantsTest}). A property with
 * a format of its own ({@code @JsonFormat}) is left to Jackson's entirely.
 */
final class CanonicalInstants {

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final int SHORTEST = "2026-01-01T00:00:00Z".length();
    private static final int LONGEST = "2026-01-01T00:00:00.123456789Z".length();
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long LAST_SECOND = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * 86_400 - 1;

    private CanonicalInstants() {
    }

    /** Registered after the JavaTimeModule, so that it wins for {@link Instant}. */
    static SimpleModule module() {
        return new SimpleModule("canonical-instants").addDeserializer(Instant.class, new Reader(InstantDeserializer.INSTANT))
                .addSerializer(Instant.class, new Writer(InstantSerializer.INSTANCE));
    }

    /** The instant {@code text} names in the canonical form, or null when it is in any other form or names no instant. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > SHORTEST) {
            int fractionDigits = length - SHORTEST - 1;
            int fraction = digits(text, 20, fractionDigits);
            if (text.charAt(19) != '.' || fraction < 0) {
                return null;
            }
            nanos = fraction * NANOS_PER_DIGIT[fractionDigits - 1];
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException noSuchDay) {
            return null;
        }
    }

    /**
     * {@code at} as {@code DateTimeFormatter.ISO_INSTANT} writes it (the fraction in groups of three
     * digits, none when zero), or null for a year outside 0000-9999, which that writes with a sign.
     */
    static String format(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            return null;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        char[] out = new char[LONGEST];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3_600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int length = 19;
        int nanos = at.getNano();
        if (nanos != 0) {
            out[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, length, nanos / 1_000_000, 3);
                length += 3;
            } else if (nanos % 1_000 == 0) {
                put(out, length, nanos / 1_000, 6);
                length += 6;
            } else {
                put(out, length, nanos, 9);
                length += 9;
            }
        }
        out[length++] = 'Z';
        return new String(out, 0, length);
    }

    /** The number the {@code count} ASCII digits at {@code from} spell, or -1 if one of them is no digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code from}. */
    private static void put(char[] out, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Whether a property's format asks for more than the defaults (a pattern, a shape, a zone, a locale). */
    private static boolean ownFormat(JsonFormat.Value format) {
        return format != null && (format.hasPattern() || format.hasShape() || format.hasTimeZone() || format.hasLocale());
    }

    /** Canonical strings by hand, anything else by Jackson's (as set up for the property). */
    static final class Reader extends StdScalarDeserializer<Instant> implements ContextualDeserializer {

        private final JsonDeserializer<Instant> jackson;

        Reader(JsonDeserializer<Instant> jackson) {
            super(Instant.class);
            this.jackson = jackson;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = InstantDeserializer.INSTANT.createContextual(context, property);
            return ownFormat(findFormatOverrides(context, property, Instant.class)) ? contextual
                    : new Reader((JsonDeserializer<Instant>) contextual);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant canonical = parse(parser.getText());
                if (canonical != null) {
                    return canonical;
                }
            }
            return jackson.deserialize(parser, context);
        }
    }

    /** Canonical strings by hand when instants are written as text, anything else by Jackson's. */
    static final class Writer extends StdSerializer<Instant> implements ContextualSerializer {

        private final JsonSerializer<Instant> jackson;

        Writer(JsonSerializer<Instant> jackson) {
            super(Instant.class);
            this.jackson = jackson;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonSerializer<?> contextual = InstantSerializer.INSTANCE.createContextual(provider, property);
            return ownFormat(findFormatOverrides(provider, property, Instant.class)) ? contextual
                    : new Writer((JsonSerializer<Instant>) contextual);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            String canonical = provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) ? null : format(value);
            if (canonical != null) {
                generator.writeString(canonical);
            } else {
                jackson.serialize(value, generator, provider);
            }
        }
    }
}

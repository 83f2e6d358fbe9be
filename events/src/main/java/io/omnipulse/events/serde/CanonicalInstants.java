package io.omnipulse.events.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants every event carries in the form the services write them
 * ({@code 2026-11-30T09:45:52.123Z}: UTC, four-digit year, 0 to 9 fraction digits) by hand, and
 * leaves every other form (offsets, lower case, leap seconds, 24:00, numbers) to Jackson's own
 * {@link InstantDeserializer}, which also reports what it refuses. Jackson's goes through
 * {@code DateTimeFormatter} for every value: 40 % of the time the services spent reading JSON
 * (JFR, alerting-service and scoring-service under the bench). Same results: each value this reads
 * is the instant Jackson's reads from it ({@code CanonicalInstantsTest}).
 */
final class CanonicalInstants extends StdScalarDeserializer<Instant> implements ContextualDeserializer {

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final int SHORTEST = "2026-01-01T00:00:00Z".length();
    private static final int LONGEST = "2026-01-01T00:00:00.123456789Z".length();

    private final JsonDeserializer<Instant> otherForms;

    CanonicalInstants() {
        this(InstantDeserializer.INSTANT);
    }

    private CanonicalInstants(JsonDeserializer<Instant> otherForms) {
        super(Instant.class);
        this.otherForms = otherForms;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        // Jackson's, set up for the property (its @JsonFormat, if any) as it would be without this class.
        JsonDeserializer<?> contextual = InstantDeserializer.INSTANT.createContextual(context, property);
        return new CanonicalInstants((JsonDeserializer<Instant>) contextual);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant canonical = parse(parser.getText());
            if (canonical != null) {
                return canonical;
            }
        }
        return otherForms.deserialize(parser, context);
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
}

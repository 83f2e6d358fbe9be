package io.omnipulse.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnipulse.events.serde.EventJson;
import io.omnipulse.problem.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads fields of a vendor payload by their dotted path ({@code detail.via.channel}), leniently where
 * vendors differ (an id may come as a number or a string) and strictly where a value cannot be used: a
 * wrong type or an unreadable time is a 400 naming the vendor's path, never echoing the value.
 */
public final class VendorJson {

    /** Longest vendor event type kept for answers and logs; vendors' own names are far shorter. */
    static final int MAX_TYPE_LENGTH = 100;
    private static final ObjectMapper JSON = EventJson.mapper();

    private VendorJson() {
    }

    public static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** A string or a number as text; null when absent or blank. */
    public static String text(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node == null) {
            return null;
        }
        if (!node.isValueNode() || node.isBoolean()) {
            throw InvalidRequestException.field(path, "must be a string or a number");
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }

    public static String requiredText(JsonNode root, String path) {
        String text = text(root, path);
        if (text == null) {
            throw InvalidRequestException.field(path, "is required");
        }
        return text;
    }

    /** An integer, or null when absent; a fraction, a string or a number beyond int is a 400. */
    public static Integer integer(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw InvalidRequestException.field(path, "must be a whole number");
        }
        return node.intValue();
    }

    public static boolean flag(JsonNode root, String path) {
        JsonNode node = at(root, path);
        return node != null && node.isBoolean() && node.booleanValue();
    }

    /** An ISO-8601 time with offset ({@code 2025-03-01T10:15:30Z}), or null when absent. */
    public static Instant isoTime(JsonNode root, String path) {
        String text = text(root, path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.field(path, "must be an ISO-8601 time with offset, e.g. 2025-03-01T10:15:30Z");
        }
    }

    /** {@link #isoTime}, a 400 naming {@code path} when absent. */
    public static Instant requiredIsoTime(JsonNode root, String path) {
        return required(isoTime(root, path), path, "an ISO-8601 time with offset");
    }

    /** {@link #epochSeconds}, a 400 naming {@code path} when absent. */
    public static Instant requiredEpochSeconds(JsonNode root, String path) {
        return required(epochSeconds(root, path), path, "seconds since 1970-01-01");
    }

    private static Instant required(Instant value, String path, String what) {
        if (value == null) {
            throw InvalidRequestException.field(path, "is required (" + what + ")");
        }
        return value;
    }

    /** Seconds since the epoch (Intercom, Chatwoot), or null when absent. */
    public static Instant epochSeconds(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw InvalidRequestException.field(path, "must be seconds since 1970-01-01 as a whole number");
        }
        return Instant.ofEpochSecond(node.longValue());
    }

    /** A time written either way vendors write one: an ISO-8601 string or seconds since the epoch. */
    public static Instant time(JsonNode root, String path) {
        JsonNode node = at(root, path);
        return node != null && node.isNumber() ? epochSeconds(root, path) : isoTime(root, path);
    }

    /** {@link #time}, a 400 naming {@code path} when absent. */
    public static Instant requiredTime(JsonNode root, String path) {
        return required(time(root, path), path, "an ISO-8601 time or seconds since 1970-01-01");
    }

    /**
     * A JSON object a vendor sends as a string inside its JSON (Twilio's task attributes), or null when
     * absent. Longer than {@code maxChars}, not JSON or not an object is a 400 naming {@code path}.
     */
    public static JsonNode embeddedObject(JsonNode root, String path, int maxChars) {
        String text = text(root, path);
        if (text == null) {
            return null;
        }
        if (text.length() > maxChars) {
            throw InvalidRequestException.field(path, "must be at most " + maxChars + " characters");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // answered below, without the parser's message: it may quote the value
        }
        throw InvalidRequestException.field(path, "must be a JSON object in a string");
    }

    /** The last segment of a path or ARN ({@code .../queue/<id>} gives the id), or null. */
    public static String lastSegment(String path) {
        if (path == null) {
            return null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1).trim();
        return last.isEmpty() ? null : last;
    }

    /** A vendor's event type, safe to repeat in an answer or a log line: printable and bounded. */
    static String bounded(String vendorType) {
        if (vendorType == null) {
            return "(none)";
        }
        String printable = vendorType.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .limit(MAX_TYPE_LENGTH)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() < vendorType.length() ? printable + "…" : printable;
    }
}

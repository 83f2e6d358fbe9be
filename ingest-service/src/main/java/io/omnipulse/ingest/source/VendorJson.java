package io.omnipulse.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** A time the event cannot be placed without: a 400 naming {@code path} when absent. */
    public static Instant requiredTime(JsonNode root, String path) {
        Instant time = time(root, path);
        if (time == null) {
            throw InvalidRequestException.field(path, "is required");
        }
        return time;
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

package io.omnipulse.ingest.channel;

import io.omnipulse.ingest.domain.FieldErrors;
import io.omnipulse.problem.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small helpers the adapters share for checking native payloads. */
final class Native {

    private Native() {
    }

    static void requirePayload(Object payload, String what) {
        if (payload == null) {
            throw new InvalidRequestException("the body must be a JSON " + what + " object", List.of());
        }
    }

    static void requireText(FieldErrors errors, String field, String value) {
        if (blank(value)) {
            errors.add(field, "is required");
        }
    }

    static void requireTime(FieldErrors errors, String field, Instant value) {
        if (value == null) {
            errors.add(field, "is required (ISO-8601, e.g. 2025-03-01T10:15:30Z)");
        }
    }

    /** Rejects an end before its start, naming the end field. */
    static void notBefore(FieldErrors errors, String field, Instant value, String startField, Instant start) {
        if (value != null && start != null && value.isBefore(start)) {
            errors.add(field, "must not be before " + startField);
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String trimmedOr(String value, String fallback) {
        return blank(value) ? fallback : value.trim();
    }

    static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }

    /** Whole seconds from start to end, or null when either is unknown. */
    static Integer seconds(Instant start, Instant end) {
        if (start == null || end == null) {
            return null;
        }
        return (int) Math.min(Integer.MAX_VALUE, Duration.between(start, end).toSeconds());
    }
}

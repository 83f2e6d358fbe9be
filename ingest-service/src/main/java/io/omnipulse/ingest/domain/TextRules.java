package io.omnipulse.ingest.domain;

/**
 * What a string may contain. Downstream services key state, build record keys and write rows from
 * these values, so anything that breaks a consumer (NUL, escape sequences, half a surrogate pair)
 * stops here. Messages never repeat the value: it may be personal data.
 */
public final class TextRules {

    private TextRules() {
    }

    /** An identifier or name: no control character at all (C0, DEL, C1), at most {@code max} code points. */
    public static void identifier(FieldErrors errors, String field, String value, int max) {
        check(errors, field, value, max, false);
    }

    /** Free text (subject, comment, transcript): tab, newline and carriage return allowed, other C0 controls not. */
    public static void freeText(FieldErrors errors, String field, String value, int max) {
        check(errors, field, value, max, true);
    }

    /** A required identifier: present, not blank, and an {@link #identifier}. */
    public static void requiredIdentifier(FieldErrors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required");
        } else {
            identifier(errors, field, value, max);
        }
    }

    private static void check(FieldErrors errors, String field, String value, int max, boolean freeText) {
        if (value == null) {
            return;
        }
        // Checked before counting, so a huge value costs one pass and nothing else.
        if (value.length() > 2L * max || value.codePointCount(0, value.length()) > max) {
            errors.add(field, "must be at most " + max + " characters");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                errors.add(field, "contains an unpaired UTF-16 surrogate (position " + i + ")");
                return;
            } else if (forbidden(c, freeText)) {
                errors.add(field, "contains control character U+%04X (position %d)".formatted((int) c, i));
                return;
            }
        }
    }

    static boolean forbidden(char c, boolean freeText) {
        if (freeText) {
            return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}

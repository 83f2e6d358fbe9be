package io.omnipulse.console.pages;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Wire values in words, and times as people read them; used by the templates ({@code {alert.cause.words}}). */
@TemplateExtension
public final class Labels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Labels() {
    }

    /** {@code HIGH_EFFORT} → "high effort", {@code email} → "email". */
    static String words(String wire) {
        return wire == null ? "" : wire.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String shown(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** A score or spread as a whole number: "-33". */
    static String rounded(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** A correlation to two decimals: "0.42". */
    static String rounded2(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A long comment cut for a queue row; the alert page shows it whole. */
    static String glance(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 140 ? oneLine : oneLine.substring(0, 139) + "…";
    }
}

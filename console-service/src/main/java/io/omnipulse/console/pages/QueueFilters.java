package io.omnipulse.console.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the lead filters the queue by. {@code status} is one of {@link #STATUSES}: "unresolved" (the
 * default: open, acknowledged and escalated alerts) or a single status; values the alerting API does not
 * know are refused there, with a problem the page shows.
 */
public record QueueFilters(String team, String cause, String severity, String status, String sort) {

    public static final List<String> STATUSES = List.of("unresolved", "open", "acknowledged", "escalated", "resolved");
    public static final List<String> CAUSES = List.of("detractor", "high_effort", "low_satisfaction",
            "behavioural_effort", "nps_drop");
    public static final List<String> SEVERITIES = List.of("critical", "high", "medium");
    /** Most urgent first (severity, then the nearest deadline), or newest first. */
    public static final List<String> SORTS = List.of("urgency", "newest");
    /** The longest team name a filter takes, as the event contract bounds it. */
    static final int MAX_TEAM = 128;
    static final String UNRESOLVED = "open,acknowledged,escalated";

    static QueueFilters of(String team, String cause, String severity, String status, String sort) {
        String kept = blankToNull(team);
        return new QueueFilters(kept == null || kept.length() <= MAX_TEAM ? kept : kept.substring(0, MAX_TEAM),
                lower(cause), lower(severity), status == null || status.isBlank() ? "unresolved" : lower(status),
                "newest".equalsIgnoreCase(sort) ? "newest" : "urgency");
    }

    // The choices of the filter form.

    public List<String> statuses() {
        return STATUSES;
    }

    public List<String> causes() {
        return CAUSES;
    }

    public List<String> severities() {
        return SEVERITIES;
    }

    public List<String> sorts() {
        return SORTS;
    }

    /** The status parameter of the alerting API. */
    String apiStatus() {
        return "unresolved".equals(status) ? UNRESOLVED : status;
    }

    /** The filters as a query string (without "?"), to keep them across pages and live refreshes. */
    public String query() {
        List<String> parts = new ArrayList<>();
        add(parts, "team", team);
        add(parts, "cause", cause);
        add(parts, "severity", severity);
        add(parts, "status", status);
        add(parts, "sort", sort);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String lower(String value) {
        String kept = blankToNull(value);
        return kept == null ? null : kept.toLowerCase(Locale.ROOT);
    }
}

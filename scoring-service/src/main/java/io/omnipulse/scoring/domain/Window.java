package io.omnipulse.scoring.domain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The windows scores are reported over. A trailing window of N days is the N UTC days of event
 * time ending with (and including) the day of its end instant: "7d" at any time on 2025-01-07
 * covers 2025-01-01 00:00 to 2025-01-07 24:00. Day granularity makes every window an exact sum of
 * day buckets, so a window can be recomputed for any end day without re-reading events.
 */
public enum Window {
    DAYS_7("7d", 7), DAYS_30("30d", 30), DAYS_90("90d", 90), ALL("all", 0);

    /** The trailing windows, shortest first. */
    public static final List<Window> TRAILING = List.of(DAYS_7, DAYS_30, DAYS_90);
    /** How many days the longest trailing window spans; older day buckets are never read by it. */
    public static final int LONGEST_DAYS = 90;

    private final String wire;
    private final int days;

    Window(String wire, int days) {
        this.wire = wire;
        this.days = days;
    }

    public String wire() {
        return wire;
    }

    /** The number of days of a trailing window; 0 for all time. */
    public int days() {
        return days;
    }

    /** Whether an answer given on {@code day} lies in this trailing window ending with {@code endDay}. */
    public boolean covers(long day, long endDay) {
        return this == ALL || (day <= endDay && day > endDay - days);
    }

    public static Window fromWire(String value) {
        String wanted = value == null ? "" : value.trim();
        return Arrays.stream(values()).filter(w -> w.wire.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not one of " + allowed()));
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Window::wire).collect(Collectors.joining(", "));
    }
}

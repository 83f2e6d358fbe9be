package io.omnipulse.console.pages;

import java.time.Duration;
import java.time.Instant;

/** The time before an alert's deadline, in words, and whether it has passed: what the queue sorts out by eye. */
public record TimeLeft(String text, boolean overdue, Instant due) {

    static final TimeLeft NONE = new TimeLeft("", false, null);

    static TimeLeft until(Instant due, Instant now) {
        if (due == null) {
            return NONE;
        }
        Duration left = Duration.between(now, due);
        return left.isNegative()
                ? new TimeLeft("overdue by " + words(left.negated()), true, due)
                : new TimeLeft(words(left) + " left", false, due);
    }

    /** Two units at most: "2 d 4 h", "3 h 12 min", "45 min", "under a minute". */
    static String words(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : "under a minute";
    }
}

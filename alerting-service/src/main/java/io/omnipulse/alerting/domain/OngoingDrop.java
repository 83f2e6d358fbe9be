package io.omnipulse.alerting.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * While a team's or channel's NPS drop lasts, every new pair of 7-day and 30-day scores shows it
 * again, and scoring publishes a busy team's scores with nearly every commit (several a second). Its
 * unresolved alert stores such an observation as a trigger only when it tells the lead something the
 * alert does not say yet: a higher severity, a 7-day score below the one the alert shows, or the drop
 * still there {@code repeatAfter} (in event time) after the alert was last triggered. A drop that lasts
 * a day so adds a trigger an hour and one per point it deepens, not a trigger row, an audit row and an
 * update of the alert per score update. After the alert is resolved, the drop opens a new one only when it is
 * worse than what was resolved, or a week later ({@link #reopens}).
 */
public record OngoingDrop(Duration repeatAfter) {

    /** The shorter of the two windows a drop compares. */
    static final Duration SHORT_WINDOW = Duration.ofDays(7);

    public OngoingDrop {
        if (repeatAfter == null || repeatAfter.isNegative()) {
            throw new IllegalArgumentException("repeat-after must be zero or more");
        }
    }

    /** What an alert shows, or what an observation found: severity, rounded 7-day NPS and event time. */
    public record Observation(AlertSeverity severity, Integer sevenDayScore, Instant at) {
    }

    /** Whether {@code observed} is worth a trigger on an unresolved alert that shows {@code shown}. */
    public boolean isNews(Observation shown, Observation observed) {
        return isNews(shown, observed, repeatAfter);
    }

    /**
     * Whether {@code observed} opens a new alert for a subject whose latest drop alert, showing
     * {@code resolved}, was resolved. The lead has dealt with that drop, but the 7-day window takes a
     * week to forget the answers behind it, so the drop shows for days after its cause was fixed: only
     * a higher severity, a lower 7-day score, or a drop still there a whole window after the resolved
     * alert's latest trigger (made of later answers only) is a new one.
     */
    public boolean reopens(Observation resolved, Observation observed) {
        return isNews(resolved, observed, SHORT_WINDOW);
    }

    private static boolean isNews(Observation shown, Observation observed, Duration after) {
        if (observed.severity().isMoreSevereThan(shown.severity())) {
            return true;
        }
        if (observed.sevenDayScore() != null
                && (shown.sevenDayScore() == null || observed.sevenDayScore() < shown.sevenDayScore())) {
            return true;
        }
        return shown.at() == null || !observed.at().isBefore(shown.at().plus(after));
    }
}

package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import java.util.Set;

/**
 * Optional criteria of the alert queue; a null or empty field does not filter. {@code statuses}: any of
 * these. {@code visibleTeams}: the teams the caller may see (alerts of no team included); null for every
 * team. {@code order}: how the page is sorted.
 */
public record AlertFilter(Set<AlertStatus> statuses, AlertCause cause, AlertSeverity severity, String team,
        String customerId, Set<String> visibleTeams, Order order) {

    /** The queue's orders. */
    public enum Order {
        /** By the event time of the opening trigger, newest first. */
        NEWEST,
        /**
         * What to act on first: the most severe, then the nearest deadline (acknowledge while
         * unacknowledged, else resolve; overdue ones first), then the newest.
         */
        URGENCY
    }
}

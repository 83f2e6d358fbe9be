package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import java.util.Set;

/**
 * Optional criteria of the alert queue; a null field does not filter. {@code visibleTeams}: the teams
 * the caller may see (alerts of no team included); null for every team.
 */
public record AlertFilter(AlertStatus status, AlertCause cause, AlertSeverity severity, String team,
        String customerId, Set<String> visibleTeams) {

    public AlertFilter(AlertStatus status, AlertCause cause, AlertSeverity severity, String team, String customerId) {
        this(status, cause, severity, team, customerId, null);
    }
}

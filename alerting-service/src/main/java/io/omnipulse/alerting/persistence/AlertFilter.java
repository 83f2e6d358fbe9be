package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;

/** Optional criteria of the alert queue; a null field does not filter. */
public record AlertFilter(AlertStatus status, AlertCause cause, AlertSeverity severity, String team,
        String customerId) {
}

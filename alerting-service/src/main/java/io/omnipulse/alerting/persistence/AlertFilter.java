package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertStatus;

/** Optional criteria of the alert queue; a null field does not filter. */
public record AlertFilter(AlertStatus status, AlertCause cause, String customerId) {
}

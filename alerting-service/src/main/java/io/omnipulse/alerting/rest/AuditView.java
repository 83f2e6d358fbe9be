package io.omnipulse.alerting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.persistence.AlertAudit;
import java.time.Instant;

/** One entry of an alert's audit trail. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditView(Instant at, String actor, String action, AlertStatus from, AlertStatus to, String detail) {

    static AuditView of(AlertAudit audit) {
        return new AuditView(audit.at, audit.actor, audit.action, audit.fromStatus, audit.toStatus, audit.detail);
    }
}

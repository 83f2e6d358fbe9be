package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of one alert: who did what, when, and the status before and after. Never updated. */
@Entity
@Table(name = "alert_audit")
public class AlertAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_audit_id")
    @SequenceGenerator(name = "alert_audit_id", sequenceName = "alert_audit_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "alert_id", nullable = false)
    public long alertId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public AlertStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public AlertStatus toStatus;

    public String detail;

    public static AlertAudit of(long alertId, Instant at, String actor, String action, AlertStatus from,
            AlertStatus to, String detail) {
        AlertAudit audit = new AlertAudit();
        audit.alertId = alertId;
        audit.at = at;
        audit.actor = actor;
        audit.action = action;
        audit.fromStatus = from;
        audit.toStatus = to;
        audit.detail = detail;
        return audit;
    }
}

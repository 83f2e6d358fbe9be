package io.omnipulse.alerting.service;

import io.omnipulse.alerting.config.AlertingConfig;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.persistence.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Follow-up deadlines per severity, counted from when the alert was raised (wall clock), not from
 * the answer's event time: a replayed old answer must not arrive already overdue.
 */
@ApplicationScoped
public class DeadlinePolicy {

    private final AlertingConfig config;

    public DeadlinePolicy(AlertingConfig config) {
        this.config = config;
    }

    /** Sets the deadlines for the alert's severity; a raised severity can only bring them forward. */
    public void apply(Alert alert) {
        AlertingConfig.Deadline deadline = of(alert.severity);
        alert.acknowledgeDueAt = earlier(alert.acknowledgeDueAt, alert.createdAt.plus(deadline.acknowledge()));
        alert.resolveDueAt = earlier(alert.resolveDueAt, alert.createdAt.plus(deadline.resolve()));
    }

    AlertingConfig.Deadline of(AlertSeverity severity) {
        return switch (severity) {
            case MEDIUM -> config.deadlines().medium();
            case HIGH -> config.deadlines().high();
            case CRITICAL -> config.deadlines().critical();
        };
    }

    private static Instant earlier(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}

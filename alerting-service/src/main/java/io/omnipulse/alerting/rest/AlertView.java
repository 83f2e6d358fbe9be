package io.omnipulse.alerting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.persistence.Alert;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the API shows it. {@code triggers} is present on {@code GET /v1/alerts/{id}} only;
 * the list leaves it out to stay small.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(
        long id,
        String customerId,
        AlertCause cause,
        AlertSeverity severity,
        AlertStatus status,
        String channel,
        String team,
        String agentId,
        String conversationId,
        Integer score,
        String comment,
        int triggerCount,
        Instant openedAt,
        Instant lastTriggeredAt,
        Instant createdAt,
        List<TriggerView> triggers) {

    static AlertView of(Alert alert, List<TriggerView> triggers) {
        return new AlertView(alert.id, alert.customerId, alert.cause, alert.severity, alert.status, alert.channel,
                alert.team, alert.agentId, alert.conversationId, alert.score, alert.comment, alert.triggerCount,
                alert.openedAt, alert.lastTriggeredAt, alert.createdAt, triggers);
    }

    static AlertView summary(Alert alert) {
        return of(alert, null);
    }
}

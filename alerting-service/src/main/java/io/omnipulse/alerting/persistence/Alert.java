package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One alert for a customer and cause, with the context of its latest trigger (the interaction it
 * rates, the answer and comment) so that a support lead sees the why without another lookup.
 * Schema: db/migration/V1__alerts.sql.
 */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertCause cause;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertSeverity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;

    /** Wire name of the channel, e.g. {@code email}. */
    public String channel;

    public String team;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "conversation_id")
    public String conversationId;

    public Integer score;

    public String comment;

    @Column(name = "trigger_count", nullable = false)
    public int triggerCount;

    /** Event time of the first trigger; follow-up deadlines will count from here. */
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "last_triggered_at")
    public Instant lastTriggeredAt;

    /** Wall clock when the alert was stored. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public Long version;

    /** A new open alert whose context is taken from its first trigger. */
    public static Alert open(String customerId, AlertCause cause, AlertSeverity severity, TriggerContext first,
            Instant now) {
        Alert alert = new Alert();
        alert.customerId = customerId;
        alert.cause = cause;
        alert.severity = severity;
        alert.status = AlertStatus.OPEN;
        alert.triggerCount = 1;
        alert.openedAt = first.occurredAt();
        alert.lastTriggeredAt = first.occurredAt();
        alert.createdAt = now;
        alert.takeContext(first);
        return alert;
    }

    /**
     * Counts a further trigger. Severity is only ever raised. The context follows the latest
     * trigger by event time, because follow-up is routed to the team of the customer's last
     * contact; a late-arriving older event is counted but does not overwrite it.
     */
    public void attach(AlertSeverity triggerSeverity, TriggerContext trigger) {
        triggerCount++;
        severity = AlertSeverity.max(severity, triggerSeverity);
        if (lastTriggeredAt == null || !trigger.occurredAt().isBefore(lastTriggeredAt)) {
            lastTriggeredAt = trigger.occurredAt();
            takeContext(trigger);
        }
    }

    private void takeContext(TriggerContext context) {
        channel = context.channel();
        team = context.team();
        agentId = context.agentId();
        conversationId = context.conversationId();
        score = context.score();
        comment = context.comment();
    }
}

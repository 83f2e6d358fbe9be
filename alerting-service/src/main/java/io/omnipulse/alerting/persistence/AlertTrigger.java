package io.omnipulse.alerting.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event that opened or fed an alert. (source, eventId) is unique in the table: it is the
 * idempotency key that makes a replayed Kafka record harmless.
 */
@Entity
@Table(name = "alert_trigger")
public class AlertTrigger {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_trigger_id")
    @SequenceGenerator(name = "alert_trigger_id", sequenceName = "alert_trigger_id_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "alert_id", nullable = false)
    public Alert alert;

    @Column(nullable = false)
    public String source;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public Integer score;

    public String comment;

    /** Wall clock when alerting-service stored it. */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static AlertTrigger of(Alert alert, TriggerContext context, Instant now) {
        AlertTrigger trigger = new AlertTrigger();
        trigger.alert = alert;
        trigger.source = context.source();
        trigger.eventId = context.eventId();
        trigger.occurredAt = context.occurredAt();
        trigger.score = context.score();
        trigger.comment = context.comment();
        trigger.receivedAt = now;
        return trigger;
    }
}

package io.omnipulse.alerting.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An alert event waiting for (or done with) its trip to Kafka; see OutboxRelay. */
@Entity
@Table(name = "alert_outbox")
public class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_outbox_id")
    @SequenceGenerator(name = "alert_outbox_id", sequenceName = "alert_outbox_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "alert_id", nullable = false)
    public long alertId;

    /** raised, acknowledged, assigned, escalated or resolved (the wire "type"). */
    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The AlertEvent as JSON, exactly as it goes on the wire. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** Not tried again before this instant (after a failure that was not the broker being away). */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** Set when the row was given up on after too many attempts; it is no longer relayed. */
    @Column(name = "parked_at")
    public Instant parkedAt;
}

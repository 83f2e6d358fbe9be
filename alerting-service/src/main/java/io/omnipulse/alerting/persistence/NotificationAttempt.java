package io.omnipulse.alerting.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The delivery log: one row per attempt to deliver a notification. */
@Entity
@Table(name = "notification_attempt")
public class NotificationAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_attempt_id")
    @SequenceGenerator(name = "notification_attempt_id", sequenceName = "notification_attempt_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public long deliveryId;

    @Column(nullable = false)
    public int attempt;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;
}

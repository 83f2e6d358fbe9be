package io.omnipulse.alerting.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One notification to one target and where its delivery stands. */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery {

    public static final String WEBHOOK = "WEBHOOK";
    public static final String EMAIL = "EMAIL";
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_delivery_id")
    @SequenceGenerator(name = "notification_delivery_id", sequenceName = "notification_delivery_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "outbox_id", nullable = false)
    public long outboxId;

    @Column(name = "alert_id", nullable = false)
    public long alertId;

    @Column(nullable = false)
    public String channel;

    /** The webhook URL, or the mail recipients separated by commas. */
    @Column(nullable = false)
    public String target;

    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}

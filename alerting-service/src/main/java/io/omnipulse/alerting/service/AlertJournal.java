package io.omnipulse.alerting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.omnipulse.alerting.config.NotifyConfig;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.persistence.AlertAudit;
import io.omnipulse.alerting.persistence.AlertAuditRepository;
import io.omnipulse.alerting.persistence.NotificationDelivery;
import io.omnipulse.alerting.persistence.NotificationDeliveryRepository;
import io.omnipulse.alerting.persistence.OutboxEntry;
import io.omnipulse.alerting.persistence.OutboxRepository;
import io.omnipulse.events.AlertEscalated;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.AlertRaised;
import io.omnipulse.events.serde.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Writes what happened to an alert, inside the caller's transaction: the audit row, the outbox
 * row for Kafka (when the step is an alert event) and one pending delivery per notification
 * target. Nothing here talks to the network, so a slow or failing receiver cannot block or roll
 * back an alert; the relay and the dispatcher do that later, from these rows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AlertJournal {

    /**
     * Written as AlertEvent, so the "type" discriminator is part of the payload. Built once: a writer
     * per event resolved the type and its serializer again for every alert (a third of the JSON's cost
     * on the consumer thread in JFR).
     */
    private static final ObjectWriter EVENT_WRITER = EventJson.mapper().writerFor(AlertEvent.class);

    private final AlertAuditRepository audit;
    private final OutboxRepository outbox;
    private final NotificationDeliveryRepository deliveries;
    private final NotifyConfig notify;

    public AlertJournal(AlertAuditRepository audit, OutboxRepository outbox,
            NotificationDeliveryRepository deliveries, NotifyConfig notify) {
        this.audit = audit;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.notify = notify;
    }

    /** A change without a wire event (a trigger attached, a note). */
    public void audit(long alertId, java.time.Instant at, String actor, String action, AlertStatus from,
            AlertStatus to, String detail) {
        audit.persist(AlertAudit.of(alertId, at, actor, action, from, to, detail));
    }

    /** A lifecycle step: audited, put in the outbox for Kafka, and queued for notification. */
    public void record(AlertEvent event, String actor, String action, AlertStatus from, AlertStatus to,
            String detail) {
        audit(event.alertId(), event.at(), actor, action, from, to, detail);
        OutboxEntry entry = new OutboxEntry();
        entry.alertId = event.alertId();
        entry.eventType = typeOf(event);
        entry.payload = json(event);
        entry.createdAt = event.at();
        outbox.persist(entry);
        for (String url : notify.webhook().urls().orElse(List.of())) {
            queue(entry, NotificationDelivery.WEBHOOK, url);
        }
        // Mail is for people: only a new alert and a missed deadline are worth an inbox.
        boolean mailWorthy = event instanceof AlertRaised || event instanceof AlertEscalated;
        List<String> recipients = notify.mail().to().orElse(List.of());
        if (mailWorthy && !recipients.isEmpty()) {
            queue(entry, NotificationDelivery.EMAIL, String.join(",", recipients));
        }
    }

    private void queue(OutboxEntry entry, String channel, String target) {
        NotificationDelivery delivery = new NotificationDelivery();
        delivery.outboxId = entry.id;
        delivery.alertId = entry.alertId;
        delivery.channel = channel;
        delivery.target = target;
        // Stable across retries, so that a receiver can drop a repeat (Standard Webhooks).
        delivery.messageId = "msg_alert_" + entry.id;
        delivery.status = NotificationDelivery.PENDING;
        delivery.nextAttemptAt = entry.createdAt;
        delivery.createdAt = entry.createdAt;
        deliveries.persist(delivery);
    }

    /** The wire name of an event, as in AlertEvent's @JsonSubTypes. */
    public static String typeOf(AlertEvent event) {
        // Java 17: no pattern switch; the interface is sealed, so this list is complete.
        if (event instanceof AlertRaised) {
            return "raised";
        } else if (event instanceof io.omnipulse.events.AlertAcknowledged) {
            return "acknowledged";
        } else if (event instanceof io.omnipulse.events.AlertAssigned) {
            return "assigned";
        } else if (event instanceof AlertEscalated) {
            return "escalated";
        } else if (event instanceof io.omnipulse.events.AlertMoved) {
            return "moved";
        }
        return "resolved";
    }

    private static String json(AlertEvent event) {
        try {
            return EVENT_WRITER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert event " + event, e);
        }
    }
}

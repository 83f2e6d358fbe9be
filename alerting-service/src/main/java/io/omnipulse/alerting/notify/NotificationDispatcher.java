package io.omnipulse.alerting.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.config.NotifyConfig;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertRepository;
import io.omnipulse.alerting.persistence.NotificationAttempt;
import io.omnipulse.alerting.persistence.NotificationDelivery;
import io.omnipulse.alerting.persistence.NotificationDeliveryRepository;
import io.omnipulse.alerting.persistence.OutboxEntry;
import io.omnipulse.alerting.persistence.OutboxRepository;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.serde.EventJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.omnipulse.alerting.lifecycle.Drained;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Delivers pending notifications (webhooks and mail) from the delivery table, apart from alert
 * creation. A due row is claimed by pushing its next attempt out by a lease (so no other instance
 * takes it while it is in flight), delivered outside any transaction, and its result recorded:
 * sent, retried later with exponential backoff (5xx, timeouts, network errors), or failed.
 */
@ApplicationScoped
public class NotificationDispatcher {

    static final int BATCH = 50;

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);

    private final NotificationDeliveryRepository deliveries;
    private final OutboxRepository outbox;
    private final AlertRepository alerts;
    private final WebhookSender webhooks;
    private final MailSender mail;
    private final NotifyConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Backoff backoff;

    public NotificationDispatcher(NotificationDeliveryRepository deliveries, OutboxRepository outbox,
            AlertRepository alerts, WebhookSender webhooks, MailSender mail, NotifyConfig config, Clock clock,
            MeterRegistry registry) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.alerts = alerts;
        this.webhooks = webhooks;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.backoff = new Backoff(config.backoff(), config.maxBackoff());
    }

    @Drained
    @Scheduled(identity = "dispatch-notifications", every = "${omnipulse.alerting.notify.every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        while (dispatchDue() == BATCH) {
            // a full batch: there may be more due
        }
    }

    /** Delivers what is due now; returns how many deliveries were attempted. */
    public int dispatchDue() {
        Instant now = clock.instant();
        Duration lease = config.webhook().timeout().plusSeconds(30);
        List<Claim> claims = QuarkusTransaction.requiringNew().call(() -> {
            List<Claim> out = new ArrayList<>();
            for (NotificationDelivery d : deliveries.lockDue(now, BATCH)) {
                d.nextAttemptAt = now.plus(lease);
                OutboxEntry entry = outbox.findById(d.outboxId);
                Alert alert = alerts.findById(d.alertId);
                EntityManager em = alerts.getEntityManager();
                em.detach(alert);
                out.add(new Claim(d.id, d.channel, d.target, d.messageId, entry.eventType, entry.payload, alert));
            }
            return out;
        });
        for (Claim claim : claims) {
            long started = System.nanoTime();
            DeliveryResult result = deliver(claim);
            long millis = (System.nanoTime() - started) / 1_000_000;
            QuarkusTransaction.requiringNew().run(() -> record(claim, result, millis));
        }
        return claims.size();
    }

    private DeliveryResult deliver(Claim claim) {
        try {
            if (NotificationDelivery.WEBHOOK.equals(claim.channel())) {
                return webhooks.send(claim.target(), claim.messageId(), webhookBody(claim));
            }
            AlertEvent event = EventJson.mapper().readValue(claim.payload(), AlertEvent.class);
            return mail.send(claim.target(), claim.alert(), event);
        } catch (IOException | RuntimeException e) {
            return new DeliveryResult(false, false, null, "cannot build the notification: " + e);
        }
    }

    /** The Standard Webhooks payload shape: type, timestamp, data (the alert event as on Kafka). */
    static String webhookBody(Claim claim) throws IOException {
        ObjectNode body = EventJson.mapper().createObjectNode();
        ObjectNode data = (ObjectNode) EventJson.mapper().readTree(claim.payload());
        body.put("type", "alert." + claim.eventType());
        body.put("timestamp", data.path("at").asText());
        body.set("data", data);
        return EventJson.mapper().writeValueAsString(body);
    }

    private void record(Claim claim, DeliveryResult result, long millis) {
        NotificationDelivery d = deliveries.findById(claim.deliveryId());
        Instant now = clock.instant();
        d.attempts++;
        d.lastStatusCode = result.statusCode();
        d.lastError = result.error();
        NotificationAttempt attempt = new NotificationAttempt();
        attempt.deliveryId = d.id;
        attempt.attempt = d.attempts;
        attempt.at = now;
        attempt.statusCode = result.statusCode();
        attempt.error = result.error();
        attempt.durationMs = millis;
        deliveries.getEntityManager().persist(attempt);
        if (result.delivered()) {
            d.status = NotificationDelivery.SENT;
            d.deliveredAt = now;
        } else if (result.retryable() && d.attempts < config.maxAttempts()) {
            d.nextAttemptAt = now.plus(backoff.after(d.attempts));
        } else {
            d.status = NotificationDelivery.FAILED;
            LOG.warnf("giving up %s notification %d to %s after %d attempts: %s", d.channel, d.id, d.target,
                    d.attempts, result.error());
        }
        registry.counter("omnipulse.alerting.notifications", "channel", d.channel.toLowerCase(), "result",
                result.delivered() ? "sent" : result.retryable() ? "retry" : "failed").increment();
    }

    record Claim(long deliveryId, String channel, String target, String messageId, String eventType, String payload,
            Alert alert) {
    }
}

package io.omnipulse.alerting.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.config.NotifyConfig;
import io.omnipulse.alerting.domain.AlertContact;
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
import io.omnipulse.alerting.lifecycle.IntakeBacklog;
import io.omnipulse.alerting.lifecycle.OutageTolerant;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.context.api.ManagedExecutorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Delivers pending notifications (webhooks and mail) from the delivery table, apart from alert
 * creation. A due row is claimed by pushing its next attempt out by a lease (so no other instance
 * takes it while it is in flight; {@link BatchLease}: as long as the whole batch can take), delivered
 * outside any transaction, and its result recorded: sent, retried later with exponential backoff
 * (5xx, timeouts, network errors), or failed.
 *
 * <p>A batch's deliveries go out {@link #CONCURRENT_DELIVERIES} at a time, those of one alert one
 * after the other in the order they were queued (a receiver sees an alert's raise before its
 * acknowledgement). One at a time, each waiting for its receiver (an SMTP exchange is several round
 * trips), notifications fell ever further behind the alerts of a detractor storm.
 */
@ApplicationScoped
public class NotificationDispatcher {

    static final int BATCH = 50;

    /** Deliveries in flight at once: one per alert, up to this many alerts of a batch together. */
    static final int CONCURRENT_DELIVERIES = 8;

    /** What a claimed batch's lease adds to the longest its deliveries can take: recording the results. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

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
    private final ManagedExecutor senders;
    private final BatchLease lease;
    private final IntakeBacklog backlog;

    /**
     * {@code senders}: at most {@link #CONCURRENT_DELIVERIES} alerts' deliveries in flight, no context
     * propagated (a delivery runs outside any transaction). {@code mailTimeout}: how long one mail may
     * take (quarkus-mailer's own setting and default), for the lease of a batch.
     */
    public NotificationDispatcher(NotificationDeliveryRepository deliveries, OutboxRepository outbox,
            AlertRepository alerts, WebhookSender webhooks, MailSender mail, NotifyConfig config, Clock clock,
            MeterRegistry registry,
            @ManagedExecutorConfig(maxAsync = CONCURRENT_DELIVERIES, propagated = {}, cleared = ThreadContext.ALL_REMAINING)
            ManagedExecutor senders,
            @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "60s") Duration mailTimeout,
            IntakeBacklog backlog) {
        this.deliveries = deliveries;
        this.backlog = backlog;
        this.outbox = outbox;
        this.alerts = alerts;
        this.webhooks = webhooks;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.backoff = new Backoff(config.backoff(), config.maxBackoff());
        this.senders = senders;
        this.lease = new BatchLease(config.webhook().timeout(), mailTimeout, CONCURRENT_DELIVERIES, LEASE_MARGIN);
    }

    @Drained
    @OutageTolerant
    @Scheduled(identity = "dispatch-notifications", every = "${omnipulse.alerting.notify.every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        backlog.drain(this::dispatchDue, BATCH);
    }

    /**
     * Delivers what is due now; returns how many deliveries were attempted. The due rows, their outbox
     * entries and their alerts are read in three queries; the results are recorded in one
     * transaction after the batch was delivered (a crash before it only repeats deliveries, under
     * the same message id).
     */
    public int dispatchDue() {
        Instant now = clock.instant();
        Collection<List<Claim>> lanes = QuarkusTransaction.requiringNew().call(() -> claim(now));
        if (lanes.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<List<Result>>> sending = new ArrayList<>(lanes.size());
        for (List<Claim> ofOneAlert : lanes) {
            sending.add(senders.supplyAsync(() -> deliverInOrder(ofOneAlert)));
        }
        List<Result> results = new ArrayList<>(BATCH);
        sending.forEach(lane -> results.addAll(lane.join()));
        QuarkusTransaction.requiringNew().run(() -> record(results));
        return results.size();
    }

    /** The claims grouped by alert, each group in the order the deliveries were due. */
    private static Collection<List<Claim>> byAlert(List<Claim> claims) {
        Map<Long, List<Claim>> lanes = new LinkedHashMap<>();
        for (Claim claim : claims) {
            lanes.computeIfAbsent(claim.alert().id, id -> new ArrayList<>()).add(claim);
        }
        return lanes.values();
    }

    private List<Result> deliverInOrder(List<Claim> claims) {
        List<Result> results = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            long started = System.nanoTime();
            DeliveryResult result = deliver(claim);
            results.add(new Result(claim.deliveryId(), result, (System.nanoTime() - started) / 1_000_000));
        }
        return results;
    }

    /** Locks the due rows and leases them for as long as their lanes (their claims by alert) can take. */
    private Collection<List<Claim>> claim(Instant now) {
        List<NotificationDelivery> due = deliveries.lockDue(now, BATCH);
        if (due.isEmpty()) {
            return List.of();
        }
        Session session = alerts.getEntityManager().unwrap(Session.class);
        Map<Long, OutboxEntry> entries = byId(session.findMultiple(OutboxEntry.class,
                due.stream().map(d -> d.outboxId).distinct().toList()), e -> e.id);
        Map<Long, Alert> owners = byId(session.findMultiple(Alert.class,
                due.stream().map(d -> d.alertId).distinct().toList()), a -> a.id);
        List<Claim> out = new ArrayList<>(due.size());
        for (NotificationDelivery d : due) {
            OutboxEntry entry = entries.get(d.outboxId);
            Alert alert = owners.get(d.alertId);
            session.detach(alert);
            out.add(new Claim(d.id, d.channel, d.target, d.messageId, entry.eventType, entry.payload, alert));
        }
        Collection<List<Claim>> lanes = byAlert(out);
        Instant leasedUntil = now.plus(lease.of(lanes.stream().map(lane -> lane.stream().map(Claim::channel).toList())
                .toList()));
        due.forEach(d -> d.nextAttemptAt = leasedUntil);
        return lanes;
    }

    private static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        Map<Long, T> map = new HashMap<>();
        for (T row : rows) {
            if (row != null) {
                map.put(id.apply(row), row);
            }
        }
        return map;
    }

    /** Never throws: whatever goes wrong is the delivery's result. */
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

    /**
     * The Standard Webhooks payload shape: type, timestamp, data (the alert event as on Kafka, with the
     * contact of a customer alert as {@code contact}). The contact stays off Kafka: it is read from the
     * alert when sent, so a retry carries what the alert knows by then, and nothing once the customer
     * was erased.
     */
    static String webhookBody(Claim claim) throws IOException {
        ObjectNode body = EventJson.mapper().createObjectNode();
        ObjectNode data = (ObjectNode) EventJson.mapper().readTree(claim.payload());
        AlertContact contact = claim.alert().contact();
        if (contact != null) {
            data.set("contact", EventJson.mapper().valueToTree(contact));
        }
        body.put("type", "alert." + claim.eventType());
        body.put("timestamp", data.path("at").asText());
        body.set("data", data);
        return EventJson.mapper().writeValueAsString(body);
    }

    /** The results of a batch: its deliveries read in one query, the attempts inserted as one JDBC batch. */
    private void record(List<Result> results) {
        Session session = deliveries.getEntityManager().unwrap(Session.class);
        List<NotificationDelivery> rows = session.findMultiple(NotificationDelivery.class,
                results.stream().map(Result::deliveryId).toList());
        Instant now = clock.instant();
        for (int i = 0; i < results.size(); i++) {
            record(rows.get(i), results.get(i).result(), results.get(i).millis(), now);
        }
    }

    private void record(NotificationDelivery d, DeliveryResult result, long millis, Instant now) {
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

    private record Result(long deliveryId, DeliveryResult result, long millis) {
    }

    record Claim(long deliveryId, String channel, String target, String messageId, String eventType, String payload,
            Alert alert) {
    }
}

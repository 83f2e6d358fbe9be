package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.config.AlertingConfig;
import io.omnipulse.alerting.notify.Backoff;
import io.omnipulse.alerting.persistence.OutboxEntry;
import io.omnipulse.alerting.persistence.OutboxRepository;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.CloudEventHeaders;
import io.omnipulse.events.serde.AlertEventSerde;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.omnipulse.alerting.lifecycle.Drained;
import io.omnipulse.alerting.lifecycle.IntakeBacklog;
import io.omnipulse.alerting.lifecycle.OutageTolerant;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.OutgoingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Relays the transactional outbox to {@code Topics.ALERT_EVENTS}: oldest first, each row marked
 * sent only after the broker acknowledged it, in the transaction that locked it. If Kafka is down
 * the rows stay unsent and the next run tries again, so no alert event is lost; a crash after the
 * ack but before the commit sends a row twice (at least once; consumers dedupe by alert id and type).
 * A row that fails for a reason of its own (unreadable payload, refused by the broker) is put off
 * with backoff and parked after {@code omnipulse.alerting.outbox.max-attempts}: it never holds back
 * the rows after it ({@code omnipulse_alerting_outbox_parked_total} counts them). The live screens
 * of every instance read the events back from the topic ({@link LiveAlertFeed}), not from here: a
 * screen connected to another instance sees them too. Each record is also a CloudEvent in binary
 * mode ({@link CloudEventHeaders}): type {@code io.omnipulse.alert.<kind>.v1}, subject the alert id,
 * time the step's, and as id the outbox row's, which a resent row keeps.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "alert-events";
    static final int BATCH = 100;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<AlertEvent> emitter;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final AlertEventSerde serde = new AlertEventSerde();
    private final AlertingConfig.Outbox config;
    private final Backoff backoff;
    private final Counter parked;
    private final IntakeBacklog backlog;

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<AlertEvent> emitter, OutboxRepository outbox,
            Clock clock, AlertingConfig config, MeterRegistry registry, IntakeBacklog backlog) {
        this.emitter = emitter;
        this.backlog = backlog;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config.outbox();
        this.backoff = new Backoff(this.config.backoff(), this.config.maxBackoff());
        this.parked = Counter.builder("omnipulse.alerting.outbox.parked")
                .description("Outbox rows given up on after too many failed attempts (not relayed; see alert_outbox.parked_at)")
                .register(registry);
    }

    @Drained
    @OutageTolerant
    @Scheduled(identity = "relay-alert-outbox", every = "${omnipulse.alerting.outbox.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        backlog.drain(this::relayBatch, BATCH);
    }

    /** Sends up to one batch; returns how many rows were taken (sent, or failed and put off). */
    public int relayBatch() {
        // Longer than the producer's delivery timeout, so a slow broker fails a send, not the transaction.
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            Instant now = clock.instant();
            List<OutboxEntry> entries = outbox.lockUnsent(BATCH, now);
            // All sends of the batch are in flight at once (the idempotent producer keeps their
            // order per partition); waiting for each ack in turn capped the relay at one linger
            // and round trip per event.
            List<CompletableFuture<Void>> acks = new ArrayList<>(entries.size());
            for (OutboxEntry entry : entries) {
                CompletableFuture<Void> ack;
                try {
                    ack = emitter.sendMessage(record(entry)).subscribeAsCompletionStage();
                } catch (RuntimeException refused) {
                    ack = CompletableFuture.failedFuture(refused);
                }
                acks.add(ack);
            }
            int taken = 0;
            List<Long> sent = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                OutboxEntry entry = entries.get(i);
                try {
                    acks.get(i).join();
                } catch (RuntimeException e) {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (Failures.isTransient(cause)) {
                        // The broker is away: no attempt counted, nothing parked. Only the acked
                        // prefix is marked sent, so the retry resends in order (a later row that
                        // did get through is sent again: at least once).
                        LOG.warnf("outbox row %d not sent yet: %s", entry.id, cause.toString());
                        break;
                    }
                    putOff(entry, cause, now);
                    taken++;
                    continue;
                }
                sent.add(entry.id);
                taken++;
            }
            // The sent rows of the batch marked in one statement, not one update per row.
            outbox.markSent(sent, clock.instant());
            return taken;
        });
    }

    /** The row's alert event, keyed by alert id, with its CloudEvents headers; SerializationException for a broken row. */
    private OutgoingKafkaRecord<String, AlertEvent> record(OutboxEntry entry) {
        byte[] payload = entry.payload.getBytes(StandardCharsets.UTF_8);
        AlertEvent event = serde.deserialize(CHANNEL, payload);
        String alertId = Long.toString(entry.alertId);
        OutgoingKafkaRecord<String, AlertEvent> record = KafkaRecord.of(alertId, event);
        for (Header header : CloudEventHeaders.with(new RecordHeaders(), Long.toString(entry.id),
                CloudEventHeaders.ALERTING, CloudEventHeaders.alertType(event), alertId, event.at(), payload)) {
            record = record.withHeader(header.key(), header.value());
        }
        return record;
    }

    /** A failure of the row itself: try again later, and park it after maxAttempts. */
    private void putOff(OutboxEntry entry, Throwable cause, Instant now) {
        entry.attempts++;
        entry.lastError = cause.toString();
        if (entry.attempts >= config.maxAttempts()) {
            entry.parkedAt = now;
            parked.increment();
            LOG.errorf("outbox row %d (alert %d) parked after %d attempts: %s", entry.id, entry.alertId,
                    entry.attempts, cause.toString());
        } else {
            entry.nextAttemptAt = now.plus(backoff.after(entry.attempts));
            LOG.warnf("outbox row %d cannot be published (attempt %d): %s", entry.id, entry.attempts, cause.toString());
        }
    }
}

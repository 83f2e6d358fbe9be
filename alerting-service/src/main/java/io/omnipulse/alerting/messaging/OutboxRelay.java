package io.omnipulse.alerting.messaging;

import io.omnipulse.alerting.notify.AlertStream;
import io.omnipulse.alerting.persistence.OutboxEntry;
import io.omnipulse.alerting.persistence.OutboxRepository;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.serde.AlertEventSerde;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Relays the transactional outbox to {@code Topics.ALERT_EVENTS}: oldest first, each row marked
 * sent only after the broker acknowledged it, in the transaction that locked it. If Kafka is down
 * the rows stay unsent and the next run tries again, so no alert event is lost; a crash after the
 * ack but before the commit sends a row twice (at least once; consumers dedupe by alert id and type).
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "alert-events";
    static final int BATCH = 100;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<AlertEvent> emitter;
    private final OutboxRepository outbox;
    private final AlertStream stream;
    private final Clock clock;
    private final AlertEventSerde serde = new AlertEventSerde();

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<AlertEvent> emitter, OutboxRepository outbox,
            AlertStream stream, Clock clock) {
        this.emitter = emitter;
        this.outbox = outbox;
        this.stream = stream;
        this.clock = clock;
    }

    @Scheduled(identity = "relay-alert-outbox", every = "${omnipulse.alerting.outbox.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        while (relayBatch() == BATCH) {
            // a full batch: there may be more waiting
        }
    }

    /** Sends up to one batch; returns how many rows were sent. */
    public int relayBatch() {
        // Longer than the producer's delivery timeout, so a slow broker fails a send, not the transaction.
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            List<OutboxEntry> entries = outbox.lockUnsent(BATCH);
            // All sends of the batch are in flight at once (the idempotent producer keeps their
            // order per partition); waiting for each ack in turn capped the relay at one linger
            // and round trip per event.
            List<AlertEvent> events = new ArrayList<>(entries.size());
            List<CompletableFuture<Void>> acks = new ArrayList<>(entries.size());
            for (OutboxEntry entry : entries) {
                AlertEvent event = serde.deserialize(CHANNEL, entry.payload.getBytes(StandardCharsets.UTF_8));
                events.add(event);
                acks.add(emitter.sendMessage(KafkaRecord.of(Long.toString(entry.alertId), event))
                        .subscribeAsCompletionStage());
            }
            int sent = 0;
            for (int i = 0; i < entries.size(); i++) {
                OutboxEntry entry = entries.get(i);
                entry.attempts++;
                try {
                    acks.get(i).join();
                } catch (RuntimeException e) {
                    // Only the acked prefix is marked sent, so a retry resends in order (a later
                    // row that did get through is sent again: at least once).
                    entry.lastError = e.toString();
                    LOG.warnf("outbox row %d not sent yet: %s", entry.id, e.toString());
                    break;
                }
                entry.sentAt = clock.instant();
                sent++;
                stream.publish(events.get(i));
            }
            return sent;
        });
    }
}

package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.lifecycle.Drained;
import io.omnipulse.alerting.notify.AlertStream;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.serde.AlertEventSerde;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the live screens ({@link AlertStream}) from {@code Topics.ALERT_EVENTS}, so that a screen
 * connected to any instance carries the events that every instance's outbox relay sent. The relays
 * send only steps whose transaction committed, so a screen never shows one that was rolled back.
 * Each instance reads in a consumer group of its own from the latest offset and commits nothing
 * (application.properties): a screen sees events from the moment it connects, and the queue is the
 * history. A record that is no alert event is skipped and counted, never dead-lettered: the topic's
 * other readers judge it for themselves.
 */
@ApplicationScoped
public class LiveAlertFeed {

    /** The channel name; configured in application.properties on topic cx.alert-events.v1. */
    public static final String CHANNEL = "live-alert-events";

    private static final Logger LOG = Logger.getLogger(LiveAlertFeed.class);

    private final AlertStream stream;
    private final AlertEventSerde serde = new AlertEventSerde();
    private final Counter skipped;

    public LiveAlertFeed(AlertStream stream, MeterRegistry registry) {
        this.stream = stream;
        this.skipped = Counter.builder("omnipulse.alerting.stream.skipped")
                .description("Records on cx.alert-events.v1 that are no alert event, left off the live screens")
                .register(registry);
    }

    /**
     * One polled batch, in offset order per partition (so each alert's steps keep their order), on a
     * worker thread: the stream reads the alerts' teams from the database. {@link Drained}: shutdown
     * waits for a batch in progress and none starts after it began, so no team look-up runs while the
     * datasource closes; the screens of a stopping instance reconnect to another one.
     */
    @Drained
    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> records) {
        List<AlertEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            AlertEvent event = parse(record);
            if (event != null) {
                events.add(event);
            }
        }
        stream.publish(events);
    }

    private AlertEvent parse(ConsumerRecord<byte[], byte[]> record) {
        try {
            AlertEvent event = serde.deserialize(record.topic(), record.value());
            if (event == null) {
                skipped.increment(); // a record without a value
            }
            return event;
        } catch (RuntimeException e) {
            // Where it is, not what it says: the parser's message may quote the record's content.
            LOG.warnf("%s-%d@%d is no alert event (%s); left off the live screens", record.topic(),
                    record.partition(), record.offset(), e.getClass().getSimpleName());
            skipped.increment();
            return null;
        }
    }
}

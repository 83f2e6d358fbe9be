package io.omnipulse.streamsupport.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.TimeGauge;
import io.omnipulse.events.ContactEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;

/**
 * Kafka Streams' timestamp extractor ({@code default.timestamp.extractor}) that also measures event-time
 * freshness per input topic: {@code omnipulse_streams_event_freshness_seconds{topic}} is now minus the event
 * time of the last record taken for processing from that topic (a contact event's {@code occurredAt}, else
 * the record's timestamp, which Kafka Streams carries from the event that caused it). Silent topics keep
 * growing, which is the point: the gauge says how old the newest thing the service knows about is.
 *
 * <p>The timestamp Kafka Streams uses is unchanged: the record's own, or the partition time when it is
 * invalid (instead of the default's failing the stream thread on a negative timestamp).
 */
public class EventTimeFreshness implements TimestampExtractor {

    static final String GAUGE = "omnipulse.streams.event.freshness";
    private static final Map<String, AtomicLong> LAST_EVENT_TIME = new ConcurrentHashMap<>();

    private final TimestampExtractor delegate = new UsePartitionTimeOnInvalidTimestamp();
    private final MeterRegistry registry;
    private final Clock clock;

    public EventTimeFreshness() {
        this(Metrics.globalRegistry, Clock.systemUTC());
    }

    EventTimeFreshness(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long timestamp = delegate.extract(record, partitionTime);
        long eventTime = eventTime(record.value(), timestamp);
        if (eventTime >= 0) {
            LAST_EVENT_TIME.computeIfAbsent(record.topic(), this::register).set(eventTime);
        }
        return timestamp;
    }

    /** Epoch millis of the event, or -1 when it has none that can be measured (absurd dates are dead-lettered later). */
    private static long eventTime(Object value, long timestamp) {
        if (value instanceof ContactEvent event && event.occurredAt() != null) {
            Instant occurredAt = event.occurredAt();
            return occurredAt.isBefore(Instant.EPOCH) || occurredAt.getEpochSecond() > Long.MAX_VALUE / 1000 / 2
                    ? -1 : occurredAt.toEpochMilli();
        }
        return timestamp;
    }

    private AtomicLong register(String topic) {
        AtomicLong last = new AtomicLong();
        TimeGauge.builder(GAUGE, last, TimeUnit.MILLISECONDS, t -> clock.millis() - t.get())
                .description("Now minus the event time of the last record taken for processing from the topic")
                .tag("topic", topic)
                .register(registry);
        return last;
    }
}

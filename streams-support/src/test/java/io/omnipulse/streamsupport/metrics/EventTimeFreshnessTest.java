package io.omnipulse.streamsupport.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.ContactEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventTimeFreshnessTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventTimeFreshness extractor = new EventTimeFreshness(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void freshnessIsNowMinusTheRecordTimestampAndTheStreamsTimestampIsUnchanged() {
        long timestamp = NOW.minusSeconds(90).toEpochMilli();
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("freshness-plain", 0, 0, timestamp,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "k", "not an event",
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());

        assertThat(extractor.extract(record, 0)).isEqualTo(timestamp);
        assertThat(registry.get("omnipulse.streams.event.freshness").tag("topic", "freshness-plain").timeGauge()
                .value(TimeUnit.SECONDS)).isEqualTo(90.0);
    }

    @Test
    void aContactEventIsMeasuredByWhenItOccurredAndAnInvalidTimestampDoesNotFailTheThread() {
        ContactEvent event = new ContactEvent(null, null, null, null, NOW.minusSeconds(3600), null, null, null, null, null,
                null, null);
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("freshness-events", 0, 0, -1,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "k", event,
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());

        assertThat(extractor.extract(record, 1234L)).isEqualTo(1234L);
        assertThat(registry.get("omnipulse.streams.event.freshness").tag("topic", "freshness-events").timeGauge()
                .value(TimeUnit.SECONDS)).isEqualTo(3600.0);
    }
}

package io.omnipulse.streamsupport;

import io.omnipulse.events.ContactEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Reads contact events like the catalog's deserializer, and refuses as unreadable an event whose
 * {@code occurredAt} no real event can have: before 1970 (Kafka timestamps and epoch-millisecond
 * arithmetic start there; year -300000000 overflows them) or more than a day ahead of this host's clock.
 * Ingest refuses such events at the gate; this catches what other producers write straight onto the
 * topic, so it goes to the dead-letter topic (stage deserialize) with its bytes instead of into the
 * stores. The range is wide on purpose: replays of old history must still be read.
 */
public final class ContactEventGate implements Deserializer<ContactEvent> {

    static final Duration MAX_AHEAD = Duration.ofDays(1);

    private final Deserializer<ContactEvent> inner;
    private final Clock clock;

    ContactEventGate(Deserializer<ContactEvent> inner, Clock clock) {
        this.inner = inner;
        this.clock = clock;
    }

    /** {@code serde} with its deserializer gated, for {@code Consumed.with(...)}. */
    public static Serde<ContactEvent> gated(Serde<ContactEvent> serde) {
        return Serdes.serdeFrom(serde.serializer(), gated(serde.deserializer()));
    }

    /** {@code deserializer} gated, for {@code Topology.addSource(...)}. */
    public static Deserializer<ContactEvent> gated(Deserializer<ContactEvent> deserializer) {
        return new ContactEventGate(deserializer, Clock.systemUTC());
    }

    @Override
    public ContactEvent deserialize(String topic, byte[] data) {
        return check(inner.deserialize(topic, data));
    }

    @Override
    public ContactEvent deserialize(String topic, Headers headers, byte[] data) {
        return check(inner.deserialize(topic, headers, data));
    }

    private ContactEvent check(ContactEvent event) {
        if (event != null && event.occurredAt() != null) {
            Instant occurredAt = event.occurredAt();
            if (occurredAt.isBefore(Instant.EPOCH) || occurredAt.isAfter(clock.instant().plus(MAX_AHEAD))) {
                throw new SerializationException("occurredAt " + occurredAt + " lies outside [1970-01-01, now + 1 day]");
            }
        }
        return event;
    }

    @Override
    public void close() {
        inner.close();
    }
}

package io.omnipulse.streamsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ContactEventGateTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final ContactEventGate gate = new ContactEventGate(Topics.CONTACT_EVENTS.valueSerde().deserializer(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eventsFromEpochToADayAheadAreRead() {
        assertThat(gate.deserialize("t", at("1970-01-01T00:00:00Z")).occurredAt()).isEqualTo(Instant.EPOCH);
        assertThat(gate.deserialize("t", at("2019-05-01T10:00:00Z")).eventId()).isEqualTo("e-1");
        assertThat(gate.deserialize("t", at("2026-11-30T11:59:59Z"))).isNotNull();
    }

    @Test
    void eventsNoRealEventCanHaveAreUnreadable() {
        assertThatThrownBy(() -> gate.deserialize("t", at("-300000000-01-01T00:00:00Z")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("occurredAt");
        assertThatThrownBy(() -> gate.deserialize("t", at("1969-12-31T23:59:59Z")))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> gate.deserialize("t", at("2026-11-30T12:00:01Z")))
                .isInstanceOf(SerializationException.class);
    }

    private static byte[] at(String occurredAt) {
        return ("{\"eventId\":\"e-1\",\"source\":\"s\",\"type\":\"interaction\",\"channel\":\"email\",\"occurredAt\":\""
                + occurredAt + "\",\"customer\":{\"email\":\"ann@example.com\"}}").getBytes(StandardCharsets.UTF_8);
    }
}

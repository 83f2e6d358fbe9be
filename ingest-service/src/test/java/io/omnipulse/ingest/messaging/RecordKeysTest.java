package io.omnipulse.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordKeysTest {

    private static ContactEvent callFrom(String phone) {
        return new ContactEvent("call:1", "telephony", EventType.INTERACTION, Channel.CALL,
                Instant.parse("2026-11-20T10:15:00Z"), new CustomerIds(null, null, phone, null, null),
                null, null, null, null, null, null);
    }

    @Test
    void everyFormOfOneNumberIsOneKey() {
        RecordKeys uk = new RecordKeys("GB");
        String expected = CustomerKeys.customerIdOf("phone:+442079461000");

        for (String form : new String[] {"020 7946 1000", "+44 20 7946 1000", "0044 20 7946 1000", "(020) 7946-1000"}) {
            assertThat(uk.keyOf(callFrom(form))).as(form).isEqualTo(expected);
        }
    }

    @Test
    void nationalNumbersAreReadInTheConfiguredRegion() {
        RecordKeys poland = new RecordKeys("pl");

        assertThat(poland.region()).isEqualTo("PL");
        assertThat(poland.keyOf(callFrom("600 100 200"))).isEqualTo(CustomerKeys.customerIdOf("phone:+48600100200"));
        assertThat(new RecordKeys("GB").keyOf(callFrom("+48 600 100 200")))
                .isEqualTo(CustomerKeys.customerIdOf("phone:+48600100200"));
    }

    @Test
    void anUnknownRegionIsRefused() {
        assertThatThrownBy(() -> new RecordKeys("UK")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 3166");
    }
}

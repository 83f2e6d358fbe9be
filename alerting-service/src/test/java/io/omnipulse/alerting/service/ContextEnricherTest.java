package io.omnipulse.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.ContextStatus;
import org.junit.jupiter.api.Test;

class ContextEnricherTest {

    @Test
    void customerAlertsWaitForTheirContextWhenEnrichmentIsOn() {
        assertThat(ContextEnricher.initialStatus(AlertScope.CUSTOMER, true)).isEqualTo(ContextStatus.PENDING);
    }

    @Test
    void withoutServiceUrlsTheAlertSaysEnrichmentIsOff() {
        assertThat(ContextEnricher.initialStatus(AlertScope.CUSTOMER, false)).isEqualTo(ContextStatus.DISABLED);
    }

    @Test
    void teamAndChannelAlertsHaveNoCustomerContext() {
        assertThat(ContextEnricher.initialStatus(AlertScope.TEAM, true)).isEqualTo(ContextStatus.NONE);
        assertThat(ContextEnricher.initialStatus(AlertScope.CHANNEL, true)).isEqualTo(ContextStatus.NONE);
    }

    @Test
    void onlyTheNewestJourneyEntriesAreKept() {
        ArrayNode journey = new ObjectMapper().createArrayNode();
        for (int i = 1; i <= 5; i++) {
            journey.addObject().put("eventId", "e-" + i);
        }
        assertThat(ContextClient.newest(journey, 2).findValuesAsText("eventId")).containsExactly("e-4", "e-5");
        assertThat(ContextClient.newest(journey, 10)).hasSize(5);
    }
}

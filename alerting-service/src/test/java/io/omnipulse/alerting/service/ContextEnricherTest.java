package io.omnipulse.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.ContextStatus;
import java.time.Instant;
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
        assertThat(ProfileAnswer.newest(journey, 2).findValuesAsText("eventId")).containsExactly("e-4", "e-5");
        assertThat(ProfileAnswer.newest(journey, 10)).hasSize(5);
    }

    @Test
    void theProfileGivesTheFirstValueOfEachIdentifierAndTheChannelLastUsed() throws Exception {
        ProfileAnswer answer = ProfileAnswer.read(new ObjectMapper().readTree("""
                {"customerId":"cus-1",
                 "identifiers":{"email":["ann@example.com","ann@work.example"],"phone":["+442079460000"]},
                 "channels":{
                   "call":{"count":2,"firstContact":"2026-03-01T10:00:00Z","lastContact":"2026-03-03T08:00:00Z"},
                   "email":{"count":5,"firstContact":"2026-02-01T10:00:00Z","lastContact":"2026-03-02T09:00:00Z"}},
                 "journey":[]}
                """), 20);

        assertThat(answer.contact().email()).isEqualTo("ann@example.com");
        assertThat(answer.contact().phone()).isEqualTo("+442079460000");
        assertThat(answer.contact().crmId()).isNull();
        assertThat(answer.contact().lastChannel()).isEqualTo("call");
        assertThat(answer.contact().lastChannelAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
        assertThat(answer.journeyJson()).isEqualTo("[]");
    }
}

package io.omnipulse.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.AlertAcknowledged;
import io.omnipulse.events.AlertAssigned;
import io.omnipulse.events.AlertEscalated;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.AlertMoved;
import io.omnipulse.events.AlertRaised;
import io.omnipulse.events.AlertResolved;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErasureTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String MARKER = Erasure.marker("er-1");

    @Test
    void theMarkerNamesTheErasureNotThePerson() {
        assertThat(MARKER).isEqualTo("erased:er-1");
    }

    @Test
    void aRaisedCustomerAlertLosesTheCustomerIdAndTheTriggeringEventIdButKeepsWhatTheKpisNeed() {
        AlertRaised raised = new AlertRaised(7, "customer", "cus-0123", "DETRACTOR", "HIGH", "billing",
                "detractor: NPS 3 of 10, at most 6", "survey-tool", "resp-ann@example.com", T0, T0.plusSeconds(1));

        assertThat(Erasure.redact(raised, MARKER)).isEqualTo(new AlertRaised(7, "customer", MARKER, "DETRACTOR",
                "HIGH", "billing", "detractor: NPS 3 of 10, at most 6", "survey-tool", null, T0, T0.plusSeconds(1)));
    }

    @Test
    void aTeamAlertKeepsItsTeam() {
        AlertRaised raised = new AlertRaised(7, "team", "billing", "NPS_DROP", "HIGH", "billing", "drop", null, null,
                T0, T0);

        assertThat(((AlertRaised) Erasure.redact(raised, MARKER)).key()).isEqualTo("billing");
    }

    @Test
    void notesAndMergeDetailsBecomeTheErasedWordAndIdsTheMarker() {
        assertThat(Erasure.redact(new AlertResolved(7, "contacted", "called Ann on +44 20 7946 0000", "sam", T0), MARKER))
                .isEqualTo(new AlertResolved(7, "contacted", Erasure.ERASED_TEXT, "sam", T0));
        assertThat(Erasure.redact(new AlertResolved(7, "contacted", null, "sam", T0), MARKER))
                .isEqualTo(new AlertResolved(7, "contacted", null, "sam", T0));
        assertThat(Erasure.redact(new AlertMoved(7, "cus-a", "cus-b", "customer cus-a merged into cus-b", "system", T0),
                MARKER)).isEqualTo(new AlertMoved(7, MARKER, MARKER, Erasure.ERASED_TEXT, "system", T0));
    }

    @Test
    void stepsThatNameOnlyStaffStayAsTheyAre() {
        for (AlertEvent event : new AlertEvent[] {new AlertAcknowledged(7, "lead", T0),
                new AlertAssigned(7, "sam", "lead", T0), new AlertEscalated(7, "CRITICAL", "not acknowledged by x", T0)}) {
            assertThat(Erasure.redact(event, MARKER)).isSameAs(event);
        }
    }

    @Test
    void whatWasIngestedBeforeTheRequestIsCoveredAndWhatCameAfterIsANewContact() {
        Instant requested = T0;
        assertThat(Erasure.coveredBy(requested, T0.minusMillis(1), T0.minusSeconds(60))).isTrue();
        assertThat(Erasure.coveredBy(requested, T0, T0.minusSeconds(60))).isFalse();
        assertThat(Erasure.coveredBy(requested, T0.plusSeconds(1), T0.minusSeconds(60))).isFalse();
        // Without an ingest time, the event time decides: it cannot have been ingested before it happened.
        assertThat(Erasure.coveredBy(requested, null, T0.plusSeconds(1))).isFalse();
        assertThat(Erasure.coveredBy(requested, null, T0.minusSeconds(1))).isTrue();
        assertThat(Erasure.coveredBy(requested, null, null)).isTrue();
    }
}

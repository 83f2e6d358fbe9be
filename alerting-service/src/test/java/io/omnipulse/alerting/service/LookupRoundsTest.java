package io.omnipulse.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertDecision;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.persistence.ContactLog;
import io.omnipulse.alerting.persistence.TriggerContext;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupRoundsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aStormOfCustomersWhoseInteractionsComeBeforeTheirAnswersIsOneRound() {
        List<LookupRounds.Step> steps = List.of(contact(0, "a", "conv-a"), contact(1, "a", "conv-a2"),
                answer(2, "a", "conv-a"), contact(3, "b", "conv-b"), answer(4, "b", null), answer(5, "c", null));

        List<LookupRounds.Round> rounds = LookupRounds.split(steps, Map.of(), Map.of());

        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0).contacts()).hasSize(3);
        assertThat(rounds.get(0).signals()).extracting(LookupRounds.Step::index).containsExactly(2, 4, 5);
    }

    @Test
    void anInteractionOfTheSubjectAfterItsAnswerStartsTheNextRound() {
        List<LookupRounds.Round> rounds = LookupRounds.split(
                List.of(answer(0, "a", null), contact(1, "b", "conv-b"), contact(2, "a", "conv-a")), Map.of(), Map.of());

        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).contacts()).extracting(c -> c.conversation()).containsExactly("conv-b");
        assertThat(rounds.get(1).contacts()).extracting(c -> c.conversation()).containsExactly("conv-a");
        assertThat(rounds.get(1).signals()).isEmpty();
    }

    @Test
    void anInteractionOfTheRatedConversationAfterTheAnswerStartsTheNextRound() {
        List<LookupRounds.Round> rounds = LookupRounds.split(
                List.of(answer(0, "a", "conv-x"), contact(1, "b", "conv-x")), Map.of(), Map.of());

        assertThat(rounds).hasSize(2);
    }

    @Test
    void anInteractionUnderAMergedIdCountsAsItsSurvivors() {
        List<LookupRounds.Round> rounds = LookupRounds.split(
                List.of(answer(0, "survivor", null), contact(1, "merged", "conv-m")), Map.of("merged", "survivor"),
                Map.of());

        assertThat(rounds).hasSize(2);
    }

    @Test
    void anInteractionThatTakesAConversationAwayFromTheSubjectStartsTheNextRound() {
        List<LookupRounds.Round> rounds = LookupRounds.split(
                List.of(answer(0, "a", null), contact(1, "b", "conv-of-a")), Map.of(), Map.of("conv-of-a", "a"));

        assertThat(rounds).hasSize(2);
    }

    private static LookupRounds.Step contact(int index, String customer, String conversation) {
        ContactEvent event = new ContactEvent("e-" + index, "telephony", EventType.INTERACTION, Channel.CALL,
                T0.plusSeconds(index), new CustomerIds(null, customer + "@example.com", null, null, null), conversation,
                null, null, null, null, T0);
        return LookupRounds.Step.of(index, new ContactLog.Contact(customer, event));
    }

    private static LookupRounds.Step answer(int index, String customer, String ratedConversation) {
        TriggerContext trigger = new TriggerContext("survey-tool", "e-" + index, T0.plusSeconds(index), "email", null,
                null, ratedConversation, 2, null, null);
        return LookupRounds.Step.of(index, new Signal(AlertScope.CUSTOMER, customer,
                new AlertDecision(AlertCause.DETRACTOR, AlertSeverity.HIGH, "NPS 2"), trigger));
    }
}

package io.omnipulse.alerting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which interactions of a batch ContactLog#rememberAll must still send: an earlier interaction of a
 * conversation is left out only when the conversation's last one in the batch overwrites every
 * column and is at least as recent, so the stored row is the same as after the whole sequence.
 */
class ContactLogBatchTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aConversationsEarlierInteractionsAreLeftOutWhenItsLastOneSetsEverythingAndIsNewest() {
        ContactLog.Contact first = contact("a", "conv-1", "agent-1", 1, T0);
        ContactLog.Contact other = contact("b", "conv-2", "agent-2", 0, T0);
        ContactLog.Contact last = contact("c", "conv-1", "agent-3", 2, T0.plusSeconds(60));

        assertThat(ContactLog.needed(List.of(first, other, last))).containsExactly(other, last);
    }

    @Test
    void aLastInteractionOlderThanAnEarlierOneLeavesTheSequenceAsItIs() {
        ContactLog.Contact first = contact("a", "conv-1", "agent-1", 1, T0.plusSeconds(60));
        ContactLog.Contact late = contact("b", "conv-1", "agent-2", 2, T0);

        assertThat(ContactLog.needed(List.of(first, late))).containsExactly(first, late);
    }

    @Test
    void aLastInteractionThatLeavesAColumnToTheEarlierRowLeavesTheSequenceAsItIs() {
        ContactLog.Contact first = contact("a", "conv-1", "agent-1", 1, T0);
        ContactLog.Contact noAgent = contact("b", "conv-1", null, 2, T0.plusSeconds(60));

        assertThat(ContactLog.needed(List.of(first, noAgent))).containsExactly(first, noAgent);
    }

    private static ContactLog.Contact contact(String id, String conversation, String agent, int transfers,
            Instant at) {
        return new ContactLog.Contact("customer-1", new ContactEvent(id, "telephony", EventType.INTERACTION,
                Channel.CALL, at, new CustomerIds(null, "c@example.com", null, null, null), conversation, agent,
                "billing", new InteractionDetails(Direction.INBOUND, InteractionStatus.RESOLVED, 30, 300, transfers,
                        "invoice", null), null, at));
    }
}

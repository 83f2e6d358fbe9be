package io.omnipulse.ingest.channel;

import static io.omnipulse.ingest.channel.AdapterAssertions.rejectedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.InteractionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChatAdapterTest {

    static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    final ChatAdapter adapter = new ChatAdapter();

    @Test
    void resolvedSessionCarriesWaitHandleTimeAndTranscript() {
        ContactEvent e = adapter.toEvent(new ChatSession(null, "s-1", "v-42", "ann@example.com", "agent-3", "care",
                90, true, START, START.plusSeconds(690), "hi, my router..."));
        assertThat(e.eventId()).isEqualTo("chat:s-1");
        assertThat(e.source()).isEqualTo("chat-platform");
        assertThat(e.channel()).isEqualTo(Channel.CHAT);
        assertThat(e.occurredAt()).isEqualTo(START);
        assertThat(e.conversationId()).isEqualTo("s-1");
        assertThat(e.customer().chatVisitorId()).isEqualTo("v-42");
        assertThat(e.customer().email()).isEqualTo("ann@example.com");
        assertThat(e.agentId()).isEqualTo("agent-3");
        assertThat(e.team()).isEqualTo("care");
        assertThat(e.interaction().status()).isEqualTo(InteractionStatus.RESOLVED);
        assertThat(e.interaction().waitSeconds()).isEqualTo(90);
        assertThat(e.interaction().handleSeconds()).isEqualTo(600);
        assertThat(e.interaction().text()).isEqualTo("hi, my router...");
    }

    @Test
    void unresolvedOrOngoingSessionIsOpen() {
        ContactEvent e = adapter.toEvent(new ChatSession(null, "s-2", "v-1", null, null, null, null, null, START,
                null, null));
        assertThat(e.interaction().status()).isEqualTo(InteractionStatus.OPEN);
        assertThat(e.interaction().handleSeconds()).isNull();
    }

    @Test
    void emailAloneIdentifiesTheVisitor() {
        ContactEvent e = adapter.toEvent(new ChatSession(null, "s-3", null, "ann@example.com", null, null, null,
                false, START, null, null));
        assertThat(e.customer().email()).isEqualTo("ann@example.com");
    }

    @Test
    void missingSessionStartAndIdentityAreNamed() {
        rejectedFields(() -> adapter.toEvent(new ChatSession(null, "", " ", null, null, null, null, null, null,
                null, null))).containsExactly("sessionId", "startedAt", "visitorId");
        rejectedFields(() -> adapter.toEvent(new ChatSession(null, "s", "v", null, null, null, null, null, START,
                START.minusSeconds(1), null))).containsExactly("endedAt");
    }

    @Test
    void negativeWaitIsBlamedOnTheNativeField() {
        assertThat(adapter.nativeField("interaction.waitSeconds")).isEqualTo("waitSeconds");
    }
}

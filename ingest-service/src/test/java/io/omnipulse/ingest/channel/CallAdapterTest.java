package io.omnipulse.ingest.channel;

import static io.omnipulse.ingest.channel.AdapterAssertions.rejectedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.InteractionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallAdapterTest {

    static final Instant RING = Instant.parse("2025-03-01T14:00:00Z");

    final CallAdapter adapter = new CallAdapter();

    static CallRecord call(Instant answered, Instant ended, String disposition) {
        return new CallRecord(null, "c-77", "+44 20 7946 0018", "billing", RING, answered, ended, 2, "agent-9",
                disposition);
    }

    @Test
    void answeredCallCarriesWaitHandleTimeQueueAndTransfers() {
        ContactEvent e = adapter.toEvent(call(RING.plusSeconds(45), RING.plusSeconds(645), "Resolved"));
        assertThat(e.eventId()).isEqualTo("call:c-77");
        assertThat(e.source()).isEqualTo("telephony");
        assertThat(e.channel()).isEqualTo(Channel.CALL);
        assertThat(e.occurredAt()).isEqualTo(RING);
        assertThat(e.customer().phone()).isEqualTo("+44 20 7946 0018");
        assertThat(e.conversationId()).isEqualTo("c-77");
        assertThat(e.team()).isEqualTo("billing");
        assertThat(e.agentId()).isEqualTo("agent-9");
        assertThat(e.interaction().waitSeconds()).isEqualTo(45);
        assertThat(e.interaction().handleSeconds()).isEqualTo(600);
        assertThat(e.interaction().transfers()).isEqualTo(2);
        assertThat(e.interaction().status()).isEqualTo(InteractionStatus.RESOLVED);
    }

    @Test
    void abandonedCallerWaitedUntilHangingUp() {
        ContactEvent e = adapter.toEvent(call(null, RING.plusSeconds(300), "abandoned"));
        assertThat(e.interaction().status()).isEqualTo(InteractionStatus.ABANDONED);
        assertThat(e.interaction().waitSeconds()).isEqualTo(300);
        assertThat(e.interaction().handleSeconds()).isNull();
    }

    @Test
    void dispositionMapsToStatus() {
        assertThat(CallAdapter.status("transferred")).isEqualTo(InteractionStatus.TRANSFERRED);
        assertThat(CallAdapter.status("ABANDONED")).isEqualTo(InteractionStatus.ABANDONED);
        assertThat(CallAdapter.status("resolved")).isEqualTo(InteractionStatus.RESOLVED);
        assertThat(CallAdapter.status("voicemail")).isEqualTo(InteractionStatus.OPEN);
        assertThat(CallAdapter.status("answered")).isEqualTo(InteractionStatus.OPEN);
        assertThat(CallAdapter.status(null)).isEqualTo(InteractionStatus.OPEN);
    }

    @Test
    void missingOrImpossibleNativeFieldsAreNamed() {
        rejectedFields(() -> adapter.toEvent(new CallRecord(null, null, "anonymous", null, null, null, null, null,
                null, null))).containsExactly("callId", "startedAt", "callerNumber");
        rejectedFields(() -> adapter.toEvent(call(RING.minusSeconds(1), RING.plusSeconds(10), null)))
                .containsExactly("answeredAt");
        rejectedFields(() -> adapter.toEvent(call(RING.plusSeconds(10), RING.plusSeconds(5), null)))
                .containsExactly("endedAt");
    }

    @Test
    void queueAndTransfersAreBlamedByTheirNativeNames() {
        assertThat(adapter.nativeField("team")).isEqualTo("queue");
        assertThat(adapter.nativeField("interaction.transfers")).isEqualTo("transfers");
    }
}

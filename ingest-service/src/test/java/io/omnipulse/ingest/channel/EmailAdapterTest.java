package io.omnipulse.ingest.channel;

import static io.omnipulse.ingest.channel.AdapterAssertions.rejectedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.InteractionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmailAdapterTest {

    static final Instant RECEIVED = Instant.parse("2025-03-01T09:30:00Z");

    final EmailAdapter adapter = new EmailAdapter();

    static EmailMessage message(String from, String threadId, String inReplyTo) {
        return new EmailMessage(null, "<m-1@mail.example.com>", from, "support@omnipulse.io", "Invoice wrong",
                threadId, inReplyTo, RECEIVED, "Please fix", "billing", null);
    }

    @Test
    void inboundMailBecomesAnOpenInteractionOfTheSender() {
        ContactEvent e = adapter.toEvent(message("Ann Smith <Ann@Example.com>", "t-9", null));
        assertThat(e.eventId()).isEqualTo("email:m-1@mail.example.com");
        assertThat(e.source()).isEqualTo("email-gateway");
        assertThat(e.type()).isEqualTo(EventType.INTERACTION);
        assertThat(e.channel()).isEqualTo(Channel.EMAIL);
        assertThat(e.occurredAt()).isEqualTo(RECEIVED);
        assertThat(e.customer().email()).isEqualTo("Ann@Example.com");
        assertThat(e.conversationId()).isEqualTo("t-9");
        assertThat(e.team()).isEqualTo("billing");
        assertThat(e.interaction().direction()).isEqualTo(Direction.INBOUND);
        assertThat(e.interaction().status()).isEqualTo(InteractionStatus.OPEN);
        assertThat(e.interaction().subject()).isEqualTo("Invoice wrong");
        assertThat(e.interaction().text()).isEqualTo("Please fix");
    }

    @Test
    void conversationFallsBackToInReplyToThenTheMessageItself() {
        assertThat(adapter.toEvent(message("ann@example.com", null, "<parent@mail>")).conversationId()).isEqualTo("parent@mail");
        assertThat(adapter.toEvent(message("ann@example.com", " ", null)).conversationId()).isEqualTo("m-1@mail.example.com");
    }

    @Test
    void displayNamesAreStrippedFromTheSender() {
        assertThat(EmailAdapter.address("\"Smith, Ann\" <ann@example.com>")).isEqualTo("ann@example.com");
        assertThat(EmailAdapter.address(" ann@example.com ")).isEqualTo("ann@example.com");
    }

    @Test
    void statedSourceIsKept() {
        EmailMessage m = new EmailMessage("zendesk-mail", "m-2", "ann@example.com", null, null, null, null, RECEIVED,
                null, null, null);
        assertThat(adapter.toEvent(m).source()).isEqualTo("zendesk-mail");
    }

    @Test
    void missingNativeFieldsAreNamedAsTheGatewaySendsThem() {
        rejectedFields(() -> adapter.toEvent(new EmailMessage(null, null, "Ann <>", null, null, null, null, null,
                null, null, null))).containsExactly("messageId", "receivedAt", "from");
    }

    @Test
    void canonicalPathsMapBackToNativeFields() {
        assertThat(adapter.nativeField("occurredAt")).isEqualTo("receivedAt");
        assertThat(adapter.nativeField("customer")).isEqualTo("from");
        assertThat(adapter.nativeField("team")).isEqualTo("team");
    }
}

package io.omnipulse.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.FieldLimits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How an alert names the customer's ways to be reached: pure logic, no database. */
class AlertContactTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theBestLabelIsTheEmailElsePhoneCrmIdHandleAndChatVisitorIdInThatOrder() {
        assertThat(contact("ann@example.com", "+441234", "crm-1", "twitter:ann", "v-1").best())
                .isEqualTo("ann@example.com");
        assertThat(contact(null, "+441234", "crm-1", "twitter:ann", "v-1").best()).isEqualTo("+441234");
        assertThat(contact(null, null, "crm-1", "twitter:ann", "v-1").best()).isEqualTo("crm-1");
        assertThat(contact(null, null, null, "twitter:ann", "v-1").best()).isEqualTo("twitter:ann");
        assertThat(contact(null, null, null, null, "v-1").best()).isEqualTo("v-1");
        assertThat(contact(null, null, null, null, null).best()).isNull();
    }

    @Test
    void aValueBeyondItsFieldsBoundOrHoldingAControlCharacterIsLeftOutNotCut() {
        String longEmail = "a".repeat(FieldLimits.EMAIL - "@example.com".length() + 1) + "@example.com";
        AlertContact contact = contact(longEmail, "+44 20 7946 0000 ext 12345678901234", "crm\u0000-1", "  ", "v-1");

        assertThat(contact.email()).isNull();
        assertThat(contact.phone()).isNull();
        assertThat(contact.crmId()).isNull();
        assertThat(contact.handle()).isNull();
        assertThat(contact.best()).isEqualTo("v-1");
        assertThat(contact(" ann@example.com ", null, null, null, null).email()).isEqualTo("ann@example.com");
    }

    @Test
    void theLastChannelIsTheNewerContactsAndOnlyAKnownChannel() {
        AlertContact answer = AlertContact.of(new CustomerIds(null, "ann@example.com", null, null, null), "email", T0);

        assertThat(answer.withNewerChannel("call", T0.minusSeconds(60)).lastChannel()).isEqualTo("email");
        assertThat(answer.withNewerChannel("chat", T0.plusSeconds(60)).lastChannel()).isEqualTo("chat");
        assertThat(answer.withNewerChannel("pigeon", T0.plusSeconds(60)).lastChannel()).isEqualTo("email");
        assertThat(AlertContact.of(null, "pigeon", T0).isEmpty()).isTrue();
        assertThat(AlertContact.of(null, "call", null).lastChannel()).isNull();
    }

    private static AlertContact contact(String email, String phone, String crmId, String handle, String visitor) {
        return new AlertContact(email, phone, crmId, handle, visitor, null, null);
    }
}

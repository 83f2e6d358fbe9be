package io.omnipulse.alerting.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordChecksTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final RecordChecks checks = new RecordChecks(100);

    @Test
    void aWellFormedAnswerPasses() {
        assertThatCode(() -> checks.check("cus-1", answer("billing", 3, null, T0))).doesNotThrowAnyException();
        assertThatCode(() -> checks.check("cus-1", answer("bill\ting 😀", 3, null, T0))).doesNotThrowAnyException();
    }

    @Test
    void textThatPostgresOrTheRulesCannotTakeIsRefusedByFieldName() {
        assertThatThrownBy(() -> checks.check("cus-1", answer("bil\u0000ling", 3, null, T0)))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("ContactEvent.team")
                .hasMessageNotContaining("bil");
        assertThatThrownBy(() -> checks.check("cus-1", answer("x".repeat(101), 3, null, T0)))
                .hasMessageContaining("ContactEvent.team is longer than 100");
        assertThatThrownBy(() -> checks.check("cus-1", answer("\ud800", 3, null, T0)))
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> checks.check("k".repeat(101), answer("billing", 3, null, T0)))
                .hasMessageContaining("key");
    }

    @Test
    void aFieldInANestedRecordOrAListIsNamedByItsWholePath() {
        ContactEvent nested = new ContactEvent("e-1", "survey", EventType.FEEDBACK, Channel.EMAIL, T0,
                new CustomerIds(null, "ann\u0007@example.com", null, null, null), "conv-1", "agent-7", "billing", null,
                new FeedbackDetails(Metric.NPS, 3, null, "slow", null), T0);
        assertThatThrownBy(() -> checks.check("cus-1", nested))
                .hasMessage("ContactEvent.customer.email holds a control character or an unpaired surrogate");
        EffortIndexUpdated listed = new EffortIndexUpdated("cus-1", 70, List.of("transfers", "x".repeat(101)), T0);
        assertThatThrownBy(() -> checks.check("cus-1", listed))
                .hasMessage("EffortIndexUpdated.drivers[] is longer than 100 chars");
        // Each record class's components are looked up once; a second check reads them the same way.
        assertThatThrownBy(() -> checks.check("cus-1", listed)).hasMessageContaining("EffortIndexUpdated.drivers[]");
    }

    @Test
    void instantsOutsideWhatPostgresStoresAreRefused() {
        assertThatThrownBy(() -> checks.check("cus-1", answer("billing", 3, null, Instant.parse("-5000-01-01T00:00:00Z"))))
                .hasMessageContaining("ContactEvent.occurredAt");
        assertThatThrownBy(() -> checks.check("cus-1", answer("billing", 3, null, Instant.MAX)))
                .hasMessageContaining("ContactEvent.occurredAt");
    }

    @Test
    void theDefaultTextLimitLetsThroughEverythingIngestAccepts() throws Exception {
        String limit = io.omnipulse.alerting.config.AlertingConfig.Consumers.class.getMethod("maxTextLength")
                .getAnnotation(io.smallrye.config.WithDefault.class).value();

        assertThat(Integer.parseInt(limit)).isGreaterThanOrEqualTo(io.omnipulse.events.FieldLimits.TEXT);
    }

    @Test
    void aMergeIntoItselfIsTheWordThatAnIdLivesAgain() {
        checks.check("a", new CustomersMerged("a", "a", "s", "e", List.of(), T0, T0));
    }

    @Test
    void valuesThatCannotBeAreRefused() {
        assertThatThrownBy(() -> checks.check("cus-1", answer("billing", 42, null, T0)))
                .hasMessageContaining("off its scale");
        assertThatThrownBy(() -> checks.check("cus-1", answer("billing", 3, new Scale(7, 1, true), T0)))
                .hasMessageContaining("min must be below max");
        assertThatThrownBy(() -> checks.check("a", new CustomersMerged("", "a", "s", "e", List.of(), T0, T0)))
                .hasMessageContaining("survivorId and mergedId are required");
        assertThatThrownBy(() -> checks.check("c", new EffortIndexUpdated("c", 101, List.of(), T0)))
                .hasMessageContaining("0..100");
    }

    @Test
    void anErasureNeedsItsIdItsCustomerAndItsTime() {
        assertThatCode(() -> checks.check("c", new ErasureRequested("er-1", "c", T0, "admin"))).doesNotThrowAnyException();
        assertThatCode(() -> checks.check("c", new ErasureRequested("er-1", "c", T0, null))).doesNotThrowAnyException();
        assertThatThrownBy(() -> checks.check("c", new ErasureRequested(" ", "c", T0, "admin")))
                .hasMessageContaining("erasureId, customerId and requestedAt are required");
        assertThatThrownBy(() -> checks.check("c", new ErasureRequested("er-1", null, T0, "admin")))
                .hasMessageContaining("erasureId, customerId and requestedAt are required");
        assertThatThrownBy(() -> checks.check("c", new ErasureRequested("er-1", "c", null, "admin")))
                .hasMessageContaining("erasureId, customerId and requestedAt are required");
    }

    private static ContactEvent answer(String team, int score, Scale scale, Instant at) {
        return new ContactEvent("e-1", "survey", EventType.FEEDBACK, Channel.EMAIL, at,
                new CustomerIds(null, "ann@example.com", null, null, null), "conv-1", "agent-7", team, null,
                new FeedbackDetails(Metric.NPS, score, scale, "slow", null), T0);
    }
}

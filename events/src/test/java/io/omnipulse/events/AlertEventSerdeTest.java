package io.omnipulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEventSerdeTest {

    private final Topic<String, AlertEvent> topic = Topics.ALERT_EVENTS;
    private final Instant at = Instant.parse("2026-11-20T10:15:00Z");

    @Test
    void everyLifecycleStepRoundTripsWithItsTypeName() {
        List<AlertEvent> steps = List.of(
                new AlertRaised(1, "customer", "cus-1", "DETRACTOR", "CRITICAL", "billing", "NPS 2 (0-6)",
                        "survey", "e-1", at, at),
                new AlertAcknowledged(1, "lead@acme", at),
                new AlertAssigned(1, "agent@acme", "lead@acme", at),
                new AlertEscalated(1, "CRITICAL", "not acknowledged within PT1H", at),
                new AlertResolved(1, "recovered", "called back, refund issued", "agent@acme", at),
                new AlertMoved(1, "cus-1", "cus-2", "customer cus-1 merged into cus-2", "system", at));

        for (AlertEvent step : steps) {
            byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), step);
            assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(step);
        }
        String raised = new String(topic.valueSerde().serializer().serialize(topic.name(), steps.get(0)),
                StandardCharsets.UTF_8);
        assertThat(raised).startsWith("{\"type\":\"raised\"");
    }
}

package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.persistence.AlertTrigger;
import java.time.Instant;

/** One event that opened or fed an alert. */
public record TriggerView(
        String source,
        String eventId,
        Instant occurredAt,
        Integer score,
        String comment,
        Instant receivedAt) {

    static TriggerView of(AlertTrigger trigger) {
        return new TriggerView(trigger.source, trigger.eventId, trigger.occurredAt, trigger.score, trigger.comment,
                trigger.receivedAt);
    }
}

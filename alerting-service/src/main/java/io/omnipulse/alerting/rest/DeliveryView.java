package io.omnipulse.alerting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnipulse.alerting.persistence.NotificationDelivery;
import java.time.Instant;

/** Where one notification of an alert stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(String channel, String target, String messageId, String status, int attempts,
        Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant deliveredAt) {

    static DeliveryView of(NotificationDelivery d) {
        // Mail recipients are personal data; the log shows only that there were some.
        String target = NotificationDelivery.EMAIL.equals(d.channel) ? "(mail recipients)" : d.target;
        return new DeliveryView(d.channel, target, d.messageId, d.status, d.attempts, d.lastStatusCode, d.lastError,
                d.nextAttemptAt, d.deliveredAt);
    }
}

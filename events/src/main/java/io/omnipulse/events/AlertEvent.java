package io.omnipulse.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One step of an alert's life, published on {@link Topics#ALERT_EVENTS} keyed by alert id so that
 * other systems can follow the loop. The JSON carries {@code "type": "raised" | "acknowledged" |
 * "assigned" | "escalated" | "resolved" | "moved"} (moved: the alert followed its customer into
 * a merge).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AlertRaised.class, name = "raised"),
        @JsonSubTypes.Type(value = AlertAcknowledged.class, name = "acknowledged"),
        @JsonSubTypes.Type(value = AlertAssigned.class, name = "assigned"),
        @JsonSubTypes.Type(value = AlertEscalated.class, name = "escalated"),
        @JsonSubTypes.Type(value = AlertResolved.class, name = "resolved"),
        @JsonSubTypes.Type(value = AlertMoved.class, name = "moved")})
public sealed interface AlertEvent permits AlertRaised, AlertAcknowledged, AlertAssigned, AlertEscalated,
        AlertResolved, AlertMoved {

    long alertId();

    /** When the step happened (wall clock of alerting-service). */
    Instant at();
}

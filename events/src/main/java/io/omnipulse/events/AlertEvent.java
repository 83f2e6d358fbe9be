package io.omnipulse.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One step of an alert's life, published on {@link Topics#ALERT_EVENTS} keyed by alert id so that
 * other systems can follow the loop. The JSON carries {@code "type": "raised" | "acknowledged" |
 * "assigned" | "escalated" | "resolved"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AlertRaised.class, name = "raised"),
        @JsonSubTypes.Type(value = AlertAcknowledged.class, name = "acknowledged"),
        @JsonSubTypes.Type(value = AlertAssigned.class, name = "assigned"),
        @JsonSubTypes.Type(value = AlertEscalated.class, name = "escalated"),
        @JsonSubTypes.Type(value = AlertResolved.class, name = "resolved")})
public sealed interface AlertEvent permits AlertRaised, AlertAcknowledged, AlertAssigned, AlertEscalated,
        AlertResolved {

    long alertId();

    /** When the step happened (wall clock of alerting-service). */
    Instant at();
}

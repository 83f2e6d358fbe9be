package io.omnipulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a contact stood when the event was emitted. Travels as its lower-case name. */
public enum InteractionStatus {
    OPEN, RESOLVED, TRANSFERRED, ABANDONED;

    @JsonCreator
    public static InteractionStatus fromWire(String value) {
        return WireEnum.parse(InteractionStatus.class, value);
    }

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }
}

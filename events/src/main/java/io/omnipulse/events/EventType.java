package io.omnipulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an event records a contact or a survey answer. Travels as its lower-case name. */
public enum EventType {
    INTERACTION, FEEDBACK;

    @JsonCreator
    public static EventType fromWire(String value) {
        return WireEnum.parse(EventType.class, value);
    }

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }
}

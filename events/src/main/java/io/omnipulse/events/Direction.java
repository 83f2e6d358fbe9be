package io.omnipulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who started the contact. Travels as its lower-case name. */
public enum Direction {
    INBOUND, OUTBOUND;

    @JsonCreator
    public static Direction fromWire(String value) {
        return WireEnum.parse(Direction.class, value);
    }

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }
}

package io.omnipulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The channel a customer used. Travels as its lower-case name. */
public enum Channel {
    EMAIL, CHAT, SOCIAL, CALL;

    @JsonCreator
    public static Channel fromWire(String value) {
        return WireEnum.parse(Channel.class, value);
    }

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }
}

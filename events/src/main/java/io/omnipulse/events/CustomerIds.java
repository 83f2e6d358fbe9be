package io.omnipulse.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The identifiers of one customer as seen in one event; any of them may be null. */
public record CustomerIds(String crmId, String email, String phone, String handle, String chatVisitorId) {

    public static CustomerIds none() {
        return new CustomerIds(null, null, null, null, null);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return CustomerKeys.primaryIdentifier(this) == null;
    }
}

package io.omnipulse.profile.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The body of POST /v1/erasures: a customer id, or exactly one identifier the customer used. */
public record ErasureRequest(String customerId, String email, String phone, String handle, String crmId,
        String chatVisitorId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    IdentifierLookup identifier() {
        return new IdentifierLookup(email, phone, handle, crmId, chatVisitorId);
    }

    boolean namesAnIdentifier() {
        return email != null || phone != null || handle != null || crmId != null || chatVisitorId != null;
    }

    /** The same request naming the customer by id: what the owner of an identifier forwards to itself. */
    static ErasureRequest ofCustomer(String customerId) {
        return new ErasureRequest(customerId, null, null, null, null, null);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request of strings always serializes", e);
        }
    }
}

package io.omnipulse.profile.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/** The body of POST /v1/customers/lookup: exactly one identifier, as the GET lookup's parameters. */
public record IdentifierLookup(String email, String phone, String handle, String crmId, String chatVisitorId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Field name -> value (null when absent), as {@link IdentifierQuery} reads parameters. */
    Map<String, String> asParameters() {
        Map<String, String> given = new HashMap<>();
        given.put("email", email);
        given.put("phone", phone);
        given.put("handle", handle);
        given.put("crmId", crmId);
        given.put("chatVisitorId", chatVisitorId);
        return given;
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lookup of strings always serializes", e);
        }
    }
}

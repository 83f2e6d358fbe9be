package io.omnipulse.profile.rest;

import io.omnipulse.events.CustomerKeys;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.profile.domain.IdentifierNormaliser;
import io.omnipulse.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one identifier a lookup names, as a typed, normalised key of the identifier index. */
record IdentifierQuery(String parameter, String typedIdentifier) {

    /** Query parameter -> identifier type, in the order the API documents them. */
    static final Map<String, String> PARAMETERS = parameters();

    /**
     * @param given query parameter -> raw value (null when absent)
     * @throws InvalidRequestException naming the parameters when none or several are given,
     *                                 or the one given when it holds no usable value
     */
    static IdentifierQuery of(Map<String, String> given, IdentifierNormaliser normaliser) {
        List<String> present = new ArrayList<>();
        PARAMETERS.keySet().forEach(name -> {
            if (given.get(name) != null) {
                present.add(name);
            }
        });
        String allowed = String.join(", ", PARAMETERS.keySet());
        if (present.size() != 1) {
            List<String> named = present.isEmpty() ? List.copyOf(PARAMETERS.keySet()) : present;
            String message = present.isEmpty() ? "give exactly one of " + allowed : "give only one of " + allowed;
            throw new InvalidRequestException(message,
                    named.stream().map(name -> new Problem.FieldError(name, message)).toList());
        }
        String parameter = present.get(0);
        String typed = normaliser.typed(PARAMETERS.get(parameter), given.get(parameter));
        if (typed == null) {
            throw InvalidRequestException.field(parameter,
                    "must hold a usable " + parameter + " (junk such as unknown or noreply@ identifies nobody)");
        }
        return new IdentifierQuery(parameter, typed);
    }

    private static Map<String, String> parameters() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("email", CustomerKeys.EMAIL);
        map.put("phone", CustomerKeys.PHONE);
        map.put("handle", CustomerKeys.HANDLE);
        map.put("crmId", CustomerKeys.CRM);
        map.put("chatVisitorId", CustomerKeys.VISITOR);
        return java.util.Collections.unmodifiableMap(map);
    }
}

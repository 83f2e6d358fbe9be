package io.omnipulse.ingest.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A request's headers as one value each (the first), by lower-case name: what CloudEvents and webhook checks read. */
final class RequestHeaders {

    private RequestHeaders() {
    }

    static Map<String, String> firstValues(HttpHeaders headers) {
        Map<String, String> first = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                first.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return first;
    }
}

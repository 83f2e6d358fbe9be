package io.omnipulse.ingest.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One vendor webhook exactly as it arrived: the raw body (signatures are computed over its bytes, so it
 * is never re-serialised before they are checked), the headers by lower-case name, and the URL the
 * vendor called (Twilio signs the URL).
 */
public record WebhookRequest(byte[] body, Map<String, String> headers, URI url) {

    public WebhookRequest {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
    }

    /** The header's value, or null when it was not sent (names are case-insensitive). */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

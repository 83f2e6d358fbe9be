package io.omnipulse.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;

/**
 * One vendor's webhooks: how it signs them and how its events become canonical events. Implementations
 * are stateless beans; {@link SourcesResource} calls {@link #verify} before it reads anything of the body.
 */
public interface VendorSource {

    /** The path segment of {@code POST /v1/sources/{name}} and the canonical {@code source} of its events. */
    String name();

    /** The name of the header that carries the signature (or token), for logs and documentation. */
    String signatureHeader();

    /**
     * Throws {@link WebhookUnauthorizedException} unless the request carries this vendor's valid, fresh
     * signature made with {@code secret}.
     */
    void verify(WebhookRequest request, String secret, Clock clock, Duration tolerance);

    /**
     * The canonical events of one webhook payload, and what it carried that OmniPulse does not use. Throws
     * an InvalidRequestException naming the vendor's own field when a mapped event lacks what it needs.
     */
    SourceMapping map(JsonNode payload, WebhookRequest request);
}

package io.omnipulse.ingest.rest;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.ingest.domain.CloudEventReader;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * OpenAPI's picture of a canonical event sent as a CloudEvent in structured or batch mode; the body
 * is read by {@link CloudEventReader}, not bound to this record.
 */
@Schema(name = "ContactCloudEvent", description = "A CloudEvent 1.0 (JSON format) whose data is a ContactEvent. "
        + "Its id, source and time fill the data's eventId, source and occurredAt where the data leaves them out, "
        + "and must equal them where it gives them. Other attributes and extensions are allowed and ignored.")
record ContactCloudEvent(
        @Schema(required = true, enumeration = "1.0") String specversion,
        @Schema(required = true, description = "The event's eventId") String id,
        @Schema(required = true, description = "The source it is posted as: one the API key may post as", example = "crm")
        String source,
        @Schema(required = true, enumeration = CloudEventReader.CONTACT_EVENT) String type,
        @Schema(description = "The event's occurredAt (RFC 3339)", example = "2026-11-20T10:15:00Z") String time,
        @Schema(enumeration = "application/json") String datacontenttype,
        @Schema(required = true) ContactEvent data) {
}

package io.omnipulse.ingest.rest;

import io.omnipulse.events.ContactEvent;
import java.util.List;

/** Answer to POST /v1/events: how many events Kafka acknowledged, and their ids in request order. */
public record Accepted(int accepted, List<String> eventIds) {

    static Accepted of(List<ContactEvent> events) {
        return new Accepted(events.size(), events.stream().map(ContactEvent::eventId).toList());
    }
}

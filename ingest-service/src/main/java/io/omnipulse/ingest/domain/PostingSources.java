package io.omnipulse.ingest.domain;

import io.omnipulse.events.ContactEvent;
import java.util.List;

/**
 * The sources a caller may post events as, from its API key (whose id its rate limit is kept by): an event that names no source gets the
 * first; one that names another source than these is refused (403), so that no source can post as
 * another, nor replay another's event ids (events are deduplicated by source and eventId).
 */
public record PostingSources(String keyId, List<String> sources) {

    public PostingSources {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("an API key posts as at least one source");
        }
        sources = List.copyOf(sources);
    }

    /** The source an event is published as, when it named {@code named} (null: none); null when not allowed. */
    public String sourceFor(String named) {
        if (named == null) {
            return sources.get(0);
        }
        return sources.contains(named) ? named : null;
    }

    /** What a refusal says of a source that is not this key's. */
    public String refusal() {
        return "is not a source this API key may post as (" + String.join(", ", sources) + "); leave it out or use one of these";
    }

    static ContactEvent withSource(ContactEvent e, String source) {
        return new ContactEvent(e.eventId(), source, e.type(), e.channel(), e.occurredAt(), e.customer(),
                e.conversationId(), e.agentId(), e.team(), e.interaction(), e.feedback(), e.ingestedAt());
    }
}

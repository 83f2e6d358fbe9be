package io.omnipulse.ingest.channel;

import io.omnipulse.events.ContactEvent;
import java.util.Map;

/**
 * Normalises what one channel's systems naturally send into the canonical event. Errors always
 * name the channel's own fields, because that is the payload the sender wrote.
 *
 * @param <P> the channel's payload
 */
public interface ChannelAdapter<P> {

    /** The canonical event for this payload; throws a 400 naming each missing or bad native field. */
    ContactEvent toEvent(P payload);

    /** The source the payload names itself; null when it names none. */
    String namedSource(P payload);

    /** Canonical paths that come from a differently named native field, e.g. occurredAt -> receivedAt. */
    Map<String, String> nativeFields();

    /** The native name of a canonical path, for errors the shared validator finds after mapping. */
    default String nativeField(String canonicalPath) {
        return nativeFields().getOrDefault(canonicalPath, canonicalPath);
    }
}

package io.omnipulse.profile.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.profile.domain.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event waiting for the labels of its identifiers. Lives in the resolution store only until
 * the last answer arrives, so the store holds the events in flight, not history.
 */
public record PendingResolution(ContactEvent event, List<String> identifiers, Map<String, Label> labels,
        List<String> shared) {

    public PendingResolution {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        labels = labels == null ? Map.of() : new TreeMap<>(labels);
        shared = shared == null ? List.of() : List.copyOf(shared);
    }

    static PendingResolution empty() {
        return new PendingResolution(null, null, null, null);
    }

    PendingResolution expecting(ContactEvent e, List<String> ids) {
        return new PendingResolution(e, ids, labels, shared);
    }

    PendingResolution answered(String identifier, Label label, boolean isShared) {
        Map<String, Label> more = new TreeMap<>(labels);
        more.put(identifier, label);
        List<String> sharedMore = new ArrayList<>(shared);
        if (isShared && !sharedMore.contains(identifier)) {
            sharedMore.add(identifier);
        }
        return new PendingResolution(event, identifiers, more, sharedMore);
    }

    boolean complete() {
        return event != null && labels.keySet().containsAll(identifiers);
    }
}

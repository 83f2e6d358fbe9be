package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;

/**
 * An event after deduplication: an interaction as it came, or an answer with the channel, team and
 * agent of the interaction it rates. {@code late}: it came after the grace period of its partition.
 */
record Attributed(ContactEvent event, boolean late) {
}

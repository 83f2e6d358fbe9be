package io.omnipulse.profile.domain;

import java.time.Instant;

/** How often, and from when to when (event time), a customer used one channel. */
public record ChannelUsage(long count, Instant firstContact, Instant lastContact) {

    public static ChannelUsage first(Instant at) {
        return new ChannelUsage(1, at, at);
    }

    /** One more contact at {@code at}; a late event may move firstContact back. */
    public ChannelUsage plus(Instant at) {
        return new ChannelUsage(count + 1, Times.earliest(firstContact, at), Times.latest(lastContact, at));
    }
}

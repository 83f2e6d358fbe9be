package io.omnipulse.scoring.rest;

import io.omnipulse.scoring.domain.ChannelConsistency;

/**
 * Channel consistency of a team or of everyone over one window: the spread between the best and
 * the worst channel's NPS and mean ease (points), from channels with responses only.
 */
public record ConsistencyReport(String scope, String key, String window, ChannelConsistency.Spread nps,
        ChannelConsistency.Spread ease) {
}

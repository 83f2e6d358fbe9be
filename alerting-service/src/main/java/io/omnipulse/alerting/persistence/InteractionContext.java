package io.omnipulse.alerting.persistence;

import java.time.Instant;

/** An interaction as last seen: the why of an alert and, for the newest, the routing team. */
public record InteractionContext(
        String channel,
        String agentId,
        String team,
        Integer transfers,
        Integer waitSeconds,
        Instant occurredAt) {
}

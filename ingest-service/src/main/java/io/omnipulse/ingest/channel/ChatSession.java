package io.omnipulse.ingest.channel;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;

/**
 * A chat session as a chat platform reports it, usually when it ends.
 *
 * @param visitorId   the platform's visitor id; required unless {@code email} is given
 * @param waitSeconds how long the visitor waited for an agent; part of the session time
 * @param startedAt   when the visitor opened the chat (event time)
 * @param endedAt     when the chat closed; absent while it is still going
 * @param transcript  the conversation text ({@code text} is accepted as well)
 * @param source      the sending system; defaults to {@value ChatAdapter#DEFAULT_SOURCE}
 */
public record ChatSession(
        String source,
        String sessionId,
        String visitorId,
        String email,
        String agentId,
        String team,
        Integer waitSeconds,
        Boolean resolved,
        Instant startedAt,
        Instant endedAt,
        @JsonAlias("text") String transcript) {
}

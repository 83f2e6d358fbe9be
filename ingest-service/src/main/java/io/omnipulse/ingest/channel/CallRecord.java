package io.omnipulse.ingest.channel;

import java.time.Instant;

/**
 * A finished call as telephony/IVR reports it (a call detail record).
 *
 * @param queue       the queue that took the call; becomes the team
 * @param startedAt   when the line started ringing (event time)
 * @param answeredAt  when an agent picked up; absent for an abandoned call
 * @param endedAt     when the call ended
 * @param disposition answered, resolved, abandoned, transferred, voicemail, ...
 * @param source      the sending system; defaults to {@value CallAdapter#DEFAULT_SOURCE}
 */
public record CallRecord(
        String source,
        String callId,
        String callerNumber,
        String queue,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        Integer transfers,
        String agentId,
        String disposition) {
}

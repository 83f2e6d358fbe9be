package io.omnipulse.ingest.channel;

import java.time.Instant;

/**
 * An inbound e-mail as a mail gateway reports it.
 *
 * @param from      the sender, with or without a display name: {@code Ann <ann@example.com>}
 * @param to        the mailbox it was sent to (kept by the gateway; not part of the canonical event)
 * @param threadId  the gateway's thread id; else {@code inReplyTo}, else the message itself names the conversation
 * @param source    the sending system; defaults to {@value EmailAdapter#DEFAULT_SOURCE}
 */
public record EmailMessage(
        String source,
        String messageId,
        String from,
        String to,
        String subject,
        String threadId,
        String inReplyTo,
        Instant receivedAt,
        String text,
        String team,
        String agentId) {
}

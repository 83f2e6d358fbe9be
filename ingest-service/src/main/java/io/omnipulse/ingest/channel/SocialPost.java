package io.omnipulse.ingest.channel;

import java.time.Instant;

/**
 * A post or direct message found by social listening.
 *
 * @param platform   e.g. twitter, facebook, instagram
 * @param handle     the author's handle on that platform, with or without a leading {@code @}
 * @param visibility public (anyone can read it) or private (a direct message); defaults to public
 * @param source     the sending system; defaults to {@value SocialAdapter#DEFAULT_SOURCE}
 */
public record SocialPost(
        String source,
        String platform,
        String handle,
        String postId,
        String text,
        String visibility,
        Instant postedAt,
        String agentId,
        String team) {
}

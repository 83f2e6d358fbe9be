package io.omnipulse.ingest.rest;

import io.omnipulse.ingest.source.SourceMapping;
import java.util.List;

/**
 * Answer to a vendor webhook: the canonical events it became (each with its customer id) and the vendor
 * events acknowledged without being used, with the reason.
 */
public record SourceAccepted(List<ChannelAccepted> accepted, List<SourceMapping.Ignored> ignored) {
}

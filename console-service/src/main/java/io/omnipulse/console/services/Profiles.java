package io.omnipulse.console.services;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The console's reading of profile-service's customer API (unknown fields are ignored). */
public final class Profiles {

    private Profiles() {
    }

    /** One person across channels; {@code identifiers} by type (crm, email, phone, handle, visitor). */
    public record Profile(String customerId, Map<String, List<String>> identifiers, Map<String, ChannelUsage> channels,
            Instant firstContact, Instant lastContact, long interactionCount, long feedbackCount,
            Answer latestNps, Answer latestCes, Answer latestCsat, List<JourneyEntry> journey) {

        /** The channel of the latest contact, or null before any. */
        public String lastChannel() {
            return channels == null ? null : channels.entrySet().stream()
                    .filter(entry -> entry.getValue().lastContact() != null)
                    .max(Map.Entry.comparingByValue((a, b) -> a.lastContact().compareTo(b.lastContact())))
                    .map(Map.Entry::getKey).orElse(null);
        }
    }

    public record ChannelUsage(long count, Instant firstContact, Instant lastContact) {
    }

    public record Answer(int score, String comment, Instant occurredAt, String channel) {
    }

    /** One step of the journey, oldest first. */
    public record JourneyEntry(String eventId, String source, Instant occurredAt, String channel, String type,
            String conversationId, String agentId, String team, String status, String metric, Integer score,
            String summary) {
    }

    /** A merge this customer took part in. */
    public record Merge(String survivorId, String mergedId, Instant mergedAt) {
    }
}

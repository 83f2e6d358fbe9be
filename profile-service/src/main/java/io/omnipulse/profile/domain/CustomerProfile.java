package io.omnipulse.profile.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One customer across every channel: who they are, where and how often they got in touch, what
 * they last said in surveys and the recent journey. Immutable; {@link ProfileFolder} derives the
 * next version from an event. Every collection is bounded by {@link ProfileLimits}.
 *
 * @param identifiers     normalised values by type (crm, email, phone, handle, visitor)
 * @param channels        usage per channel, keyed by its wire name (email, chat, social, call)
 * @param conversations   distinct conversation ids, oldest first
 * @param journey         latest events in event-time order, oldest first
 * @param recentEventKeys the dedup keys (source/eventId) of the latest events folded in, oldest first, as hashes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerProfile(
        String customerId,
        Map<String, List<String>> identifiers,
        Map<String, ChannelUsage> channels,
        Instant firstContact,
        Instant lastContact,
        long interactionCount,
        long feedbackCount,
        List<String> conversations,
        SurveyAnswer latestNps,
        SurveyAnswer latestCes,
        SurveyAnswer latestCsat,
        List<JourneyEntry> journey,
        RecentEventKeys recentEventKeys) {

    public CustomerProfile {
        identifiers = sortedCopy(identifiers);
        channels = sortedCopy(channels);
        conversations = conversations == null ? List.of() : List.copyOf(conversations);
        journey = journey == null ? List.of() : List.copyOf(journey);
        recentEventKeys = recentEventKeys == null ? RecentEventKeys.NONE : recentEventKeys;
    }

    /** A customer nothing is known about yet. */
    public static CustomerProfile empty(String customerId) {
        return new CustomerProfile(customerId, null, null, null, null, 0, 0, null, null, null, null, null, null);
    }

    /** Values of one identifier type, e.g. {@code identifiersOf("email")}; empty when none. */
    public List<String> identifiersOf(String type) {
        return identifiers.getOrDefault(type, List.of());
    }

    /** The teams of the recent journey's contacts (null for a contact of no team), oldest first, each once. */
    public List<String> journeyTeams() {
        return journey.stream().map(JourneyEntry::team).distinct().toList();
    }

    // Sorted so that the JSON of a profile is stable whatever order the events came in.
    private static <V> Map<String, V> sortedCopy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}

package io.omnipulse.profile.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds a merged customer's profile into the survivor's: identifiers, counts, channels, latest
 * answers and journey. Every collection keeps its bound, so a merge never grows a profile past
 * {@link ProfileLimits}. Counts add up: each event was folded into exactly one of the two.
 */
public final class ProfileMerger {

    /** Ties in event time are ordered by source and id, so the merged journey does not depend on arrival. */
    private static final Comparator<JourneyEntry> JOURNEY_ORDER = Comparator.comparing(JourneyEntry::occurredAt)
            .thenComparing(JourneyEntry::source, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(JourneyEntry::eventId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ProfileLimits limits;

    public ProfileMerger(ProfileLimits limits) {
        this.limits = limits;
    }

    public CustomerProfile merge(String survivorId, CustomerProfile survivor, CustomerProfile absorbed) {
        CustomerProfile s = survivor == null || survivor.customerId() == null ? CustomerProfile.empty(survivorId) : survivor;
        if (absorbed == null) {
            return s;
        }
        return new CustomerProfile(survivorId,
                identifiers(s, absorbed),
                channels(s.channels(), absorbed.channels()),
                Times.earliest(s.firstContact(), absorbed.firstContact()),
                Times.latest(s.lastContact(), absorbed.lastContact()),
                s.interactionCount() + absorbed.interactionCount(),
                s.feedbackCount() + absorbed.feedbackCount(),
                union(s.conversations(), absorbed.conversations(), limits.conversations()),
                later(s.latestNps(), absorbed.latestNps()),
                later(s.latestCes(), absorbed.latestCes()),
                later(s.latestCsat(), absorbed.latestCsat()),
                journey(s.journey(), absorbed.journey()),
                s.recentEventKeys().union(absorbed.recentEventKeys(), limits.recentEventKeys()));
    }

    /** Typed identifiers of {@code absorbed} that do not fit into the survivor because their type is full. */
    public List<String> overCap(CustomerProfile survivor, CustomerProfile absorbed) {
        List<String> dropped = new ArrayList<>();
        Map<String, List<String>> merged = identifiers(survivor, absorbed);
        absorbed.identifiers().forEach((type, values) -> values.stream()
                .filter(v -> !merged.getOrDefault(type, List.of()).contains(v))
                .forEach(v -> dropped.add(type + ":" + v)));
        return dropped;
    }

    private Map<String, List<String>> identifiers(CustomerProfile s, CustomerProfile absorbed) {
        List<String> typed = new ArrayList<>();
        absorbed.identifiers().forEach((type, values) -> values.forEach(v -> typed.add(type + ":" + v)));
        Map<String, List<String>> known = s == null ? Map.of() : s.identifiers();
        return ProfileFolder.withIdentifiers(known, typed, limits.identifiersPerType());
    }

    private static Map<String, ChannelUsage> channels(Map<String, ChannelUsage> a, Map<String, ChannelUsage> b) {
        Map<String, ChannelUsage> out = new TreeMap<>(a);
        b.forEach((channel, usage) -> out.merge(channel, usage, (x, y) -> new ChannelUsage(x.count() + y.count(),
                Times.earliest(x.firstContact(), y.firstContact()), Times.latest(x.lastContact(), y.lastContact()))));
        return out;
    }

    private static <T> List<T> union(List<T> a, List<T> b, int max) {
        LinkedHashSet<T> both = new LinkedHashSet<>(a);
        both.addAll(b);
        List<T> out = new ArrayList<>(both);
        return out.size() <= max ? out : out.subList(out.size() - max, out.size());
    }

    private static SurveyAnswer later(SurveyAnswer a, SurveyAnswer b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.occurredAt().isAfter(a.occurredAt()) ? b : a;
    }

    private List<JourneyEntry> journey(List<JourneyEntry> a, List<JourneyEntry> b) {
        List<JourneyEntry> all = new ArrayList<>(a);
        for (JourneyEntry entry : b) {
            boolean known = all.stream().anyMatch(e -> e.eventId().equals(entry.eventId())
                    && java.util.Objects.equals(e.source(), entry.source()));
            if (!known) {
                all.add(entry);
            }
        }
        all.sort(JOURNEY_ORDER);
        return all.size() <= limits.journeySize() ? all : List.copyOf(all.subList(all.size() - limits.journeySize(), all.size()));
    }
}

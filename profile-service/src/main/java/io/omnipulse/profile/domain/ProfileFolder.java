package io.omnipulse.profile.domain;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.EventType;
import io.omnipulse.events.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Folds contact events into a {@link CustomerProfile}: pure logic, no Kafka. */
public final class ProfileFolder {

    private final ProfileLimits limits;
    private final IdentifierNormaliser normaliser;

    public ProfileFolder(ProfileLimits limits) {
        this(limits, new IdentifierNormaliser(IdentityRules.DEFAULTS));
    }

    public ProfileFolder(ProfileLimits limits, IdentifierNormaliser normaliser) {
        this.limits = limits;
        this.normaliser = normaliser;
    }

    /** Whether an event can be placed in a profile: it must say when it happened. */
    public static boolean canFold(ContactEvent event) {
        return event != null && event.occurredAt() != null;
    }

    /**
     * The profile after {@code event}. Returns {@code current} itself when the event was already
     * folded in, so callers can tell a repeat by identity. Repeats are recognised only while their
     * dedup key is among the last {@link ProfileLimits#recentEventKeys()} keys: an older repeat is
     * counted again, the price of a profile whose size does not grow with its history.
     */
    public CustomerProfile fold(String customerId, CustomerProfile current, ContactEvent event) {
        return fold(customerId, current, event, usableIdentifiers(event.customer()));
    }

    /**
     * {@link #fold(String, CustomerProfile, ContactEvent)} with the event's identifiers already
     * normalised by {@link #usableIdentifiers}: a caller that also asks {@link #overCap} normalises
     * them once (phone numbers are parsed by libphonenumber, a visible share of the stream thread).
     */
    public CustomerProfile fold(String customerId, CustomerProfile current, ContactEvent event, List<String> usable) {
        boolean fresh = current == null || current.customerId() == null;
        CustomerProfile p = fresh ? CustomerProfile.empty(customerId) : current;
        long dedupKey = RecentEventKeys.hashOf(event.dedupKey());
        if (p.recentEventKeys().contains(dedupKey)) {
            return current;
        }
        var at = event.occurredAt();
        return new CustomerProfile(
                p.customerId(),
                withIdentifiers(p.identifiers(), usable, limits.identifiersPerType()),
                channels(p.channels(), event.channel(), at),
                Times.earliest(p.firstContact(), at),
                Times.latest(p.lastContact(), at),
                p.interactionCount() + (event.type() == EventType.INTERACTION ? 1 : 0),
                p.feedbackCount() + (event.type() == EventType.FEEDBACK ? 1 : 0),
                conversations(p.conversations(), event.conversationId()),
                latest(p.latestNps(), event, Metric.NPS),
                latest(p.latestCes(), event, Metric.CES),
                latest(p.latestCsat(), event, Metric.CSAT),
                Bounded.insertByTime(p.journey(), JourneyEntry.of(event), JourneyEntry::occurredAt,
                        limits.journeySize()),
                p.recentEventKeys().append(dedupKey, limits.recentEventKeys()));
    }

    /** The typed, normalised identifiers of an event that a fold adds to a profile (junk left out). */
    public List<String> usableIdentifiers(CustomerIds ids) {
        return normaliser.normalise(ids).usable();
    }

    /** Of {@code usable} ({@link #usableIdentifiers}), those that would not fit into {@code profile} because their type is full. */
    public List<String> overCap(CustomerProfile profile, List<String> usable) {
        List<String> dropped = new ArrayList<>();
        for (String typed : usable) {
            List<String> values = profile == null ? List.of()
                    : profile.identifiersOf(IdentifierNormaliser.typeOf(typed));
            if (!values.contains(IdentifierNormaliser.valueOf(typed)) && values.size() >= limits.identifiersPerType()) {
                dropped.add(typed);
            }
        }
        return dropped;
    }

    /**
     * Adds typed identifiers, at most {@code max} per type. Values beyond the cap are ignored rather
     * than replacing older ones: a flood of new values of one type is the typical sign of a shared or
     * junk identifier, and the first ones are the likeliest real.
     */
    static Map<String, List<String>> withIdentifiers(Map<String, List<String>> known, List<String> typedIds, int max) {
        Map<String, List<String>> out = new TreeMap<>(known);
        for (String typed : typedIds) {
            int colon = typed.indexOf(':');
            String type = typed.substring(0, colon);
            String value = typed.substring(colon + 1);
            List<String> values = out.getOrDefault(type, List.of());
            if (!values.contains(value) && values.size() < max) {
                List<String> more = new ArrayList<>(values);
                more.add(value);
                out.put(type, more);
            }
        }
        return out;
    }

    private static Map<String, ChannelUsage> channels(Map<String, ChannelUsage> known, Channel channel,
            java.time.Instant at) {
        if (channel == null) {
            return known;
        }
        Map<String, ChannelUsage> out = new TreeMap<>(known);
        out.merge(channel.wire(), ChannelUsage.first(at), (old, ignored) -> old.plus(at));
        return out;
    }

    private List<String> conversations(List<String> known, String conversationId) {
        if (conversationId == null || known.contains(conversationId)) {
            return known;
        }
        return Bounded.append(known, conversationId, limits.conversations());
    }

    /** The latest answered response of {@code metric} by event time; skipped questions are no response. */
    private static SurveyAnswer latest(SurveyAnswer known, ContactEvent event, Metric metric) {
        if (!event.isFeedback() || event.feedback().metric() != metric || !event.feedback().answered()) {
            return known;
        }
        SurveyAnswer candidate = SurveyAnswer.of(event);
        return known == null || known.olderThanOrSameAs(candidate) ? candidate : known;
    }
}
